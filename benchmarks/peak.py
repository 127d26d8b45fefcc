"""Run ``python -m MODULE ARGS...`` in this process, then record this process's peak RSS (VmHWM).

    BENCH_PEAK_FILE=/tmp/x python -m benchmarks.peak -m analytics import FILE ...

Why a wrapper: Linux keeps a process's ``ru_maxrss`` across fork and exec, so a child started by a parent that
already holds a few hundred MB reports the parent's size. ``VmHWM`` in /proc/self/status belongs to the address
space created at exec, so it measures the command alone (Python, pandas, DuckDB's native memory and all).
"""

from __future__ import annotations

import os
import runpy
import sys


def _vm_hwm_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] != "-m":
        print("usage: python -m benchmarks.peak -m MODULE [ARGS...]", file=sys.stderr)
        return 2
    module = sys.argv[2]
    sys.argv = [module, *sys.argv[3:]]
    code = 0
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        target = os.environ.get("BENCH_PEAK_FILE")
        if target:
            with open(target, "w", encoding="ascii") as out:
                out.write(str(_vm_hwm_kb()))
    return code


if __name__ == "__main__":
    sys.exit(main())
