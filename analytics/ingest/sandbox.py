"""Parse an upload in a child process with a memory and time cap (issue #12 finding 3).

``measure.py`` bounds every workbook it can measure, but a reader can still meet a file nobody foresaw (a legacy
.xls or .xlsb, a bug in a reader). A Rust allocation failure aborts the whole process, and in the server that
process holds every user's session. So the upload page parses in a fresh child: ``python -m
analytics.ingest.sandbox`` reads the file from its standard input, caps its own address space (RLIMIT_AS) and CPU
time (RLIMIT_CPU), parses with ``parse_file`` and writes the result, pickled, to its standard output. If the child
dies, runs out of memory or time, the user gets one file-level message naming the file and what to do; the server
never notices.

The parent unpickles with an allow-list of the classes a ``ParsedFile`` is made of, so a child that a hostile file
had somehow taken over still could not make the server run code. At most ``MAX_CHILDREN`` children run at once
(the machine has two cores); further uploads wait for a free slot.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import struct
import subprocess
import sys
import threading

from analytics.config import PROJECT_ROOT
from analytics.ingest.filenames import clean_file_name
from analytics.ingest.model import ParsedFile, Problem

# A 100,000-row log parses in ≈ 500 MB of address space beyond the interpreter's ≈ 400 MB (pandas, pyarrow,
# calamine mapped in); 3 GB leaves room for a 300,000-person roster and stops any bomb long before the machine.
MEMORY_MB = int(os.environ.get("WALKTHROUGH_PARSE_MEMORY_MB") or 3072)
TIMEOUT_S = float(os.environ.get("WALKTHROUGH_PARSE_TIMEOUT_S") or 120)
MAX_CHILDREN = 2
_slots = threading.BoundedSemaphore(MAX_CHILDREN)
_HEADER = struct.Struct("<IdI")  # memory cap (MB), CPU seconds, length of the file name (UTF-8)
_log = logging.getLogger(__name__)

# Exactly what pickled ParsedFiles of every table, with rejects and problems, refer to (pandas 3, pyarrow, numpy 2).
_ALLOWED = {
    ("analytics.ingest.model", "ParsedFile"), ("analytics.ingest.model", "Problem"),
    ("analytics.ingest.model", "SheetReport"), ("builtins", "slice"), ("datetime", "date"), ("datetime", "datetime"),
    ("numpy", "dtype"), ("numpy", "ndarray"), ("numpy._core.multiarray", "_reconstruct"),
    ("numpy._core.numeric", "_frombuffer"), ("pandas", "BooleanDtype"), ("pandas", "DataFrame"), ("pandas", "Index"),
    ("pandas", "RangeIndex"), ("pandas", "StringDtype"), ("pandas", "Int64Dtype"), ("pandas", "Float64Dtype"),
    ("pandas._libs.internals", "_unpickle_block"), ("pandas.arrays", "ArrowStringArray"),
    ("pandas.arrays", "BooleanArray"), ("pandas.arrays", "IntegerArray"), ("pandas.arrays", "FloatingArray"),
    ("pandas.core.indexes.base", "_new_Index"), ("pandas.core.internals.managers", "BlockManager"),
    ("pyarrow.lib", "_restore_array"), ("pyarrow.lib", "py_buffer"), ("pyarrow.lib", "type_for_alias"),
}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):  # noqa: ANN201 - pickle's signature
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a parsed file")
        return super().find_class(module, name)


def _refused(name: str, content: bytes, code: str, **params: object) -> ParsedFile:
    import hashlib

    result = ParsedFile(name, hashlib.sha256(content).hexdigest(), len(content))
    result.problems.append(Problem("error", code, name, params=dict(params)))
    return result


def parse_isolated(file_name: str, content: bytes, *, memory_mb: int | None = None,
                   timeout_s: float | None = None) -> ParsedFile:
    """``parse_file`` in a capped child process; never raises for anything the file does."""
    name = clean_file_name(file_name)
    memory = int(memory_mb or MEMORY_MB)
    timeout = float(timeout_s or TIMEOUT_S)
    encoded = name.encode("utf-8")
    payload = _HEADER.pack(memory, timeout, len(encoded)) + encoded + content
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MALLOC_ARENA_MAX": "2",
           "RUST_BACKTRACE": "0", "PYTHONPATH": str(PROJECT_ROOT)}
    with _slots:
        child = subprocess.Popen([sys.executable, "-m", "analytics.ingest.sandbox"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT_ROOT, env=env)
        try:
            out, err = child.communicate(payload, timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            _log.warning("parsing %s took longer than %.0f s; the child was stopped", name, timeout)
            return _refused(name, content, "ingest.parse_timeout", seconds=int(timeout))
    if child.returncode != 0 or not out:
        _log.warning("parsing %s ended the child with status %s: %s", name, child.returncode,
                     err.decode("utf-8", "replace")[:500])
        return _refused(name, content, "ingest.parse_memory", memory_mb=memory)
    try:
        parsed = _Unpickler(io.BytesIO(out)).load()
    except Exception:  # an allow-list refusal or a truncated stream: the child misbehaved
        _log.exception("the parse result of %s could not be read back", name)
        return _refused(name, content, "ingest.unexpected")
    if not isinstance(parsed, ParsedFile):
        return _refused(name, content, "ingest.unexpected")
    return parsed


def _child() -> None:
    """The child's side: caps first, then read, parse, answer."""
    import resource

    from analytics.ingest import parse_file

    data = sys.stdin.buffer.read()
    memory, seconds, length = _HEADER.unpack_from(data)
    start = _HEADER.size
    name = data[start:start + length].decode("utf-8")
    content = data[start + length:]
    del data
    limit = memory * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = int(seconds) + 5
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    parsed = parse_file(name, content)
    sys.stdout.buffer.write(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _child()
