"""Uploaded file names made safe to store and show (issue #12, findings 11 and 12).

A file name comes from the uploader: it may carry a NUL byte (which made the import raise deep inside with a
traceback), other C0 control characters, or bidirectional controls such as U+202E that disguise an extension
("report‮xslx.exe" reads as "reportexe.xlsx") and reverse the text the app prints after it. The name is cleaned once
where it enters (the upload page, the command-line import, ``parse_file``) and again wherever a stored name is shown,
because batches imported before this release keep the name as it was uploaded.
"""

from __future__ import annotations

import re

# C0 controls and NUL (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F), and the bidi controls:
# LRE/RLE/PDF/LRO/RLO (U+202A–U+202E), the isolates LRI/RLI/FSI/PDI (U+2066–U+2069), LRM/RLM (U+200E/F),
# the Arabic letter mark (U+061C).
_UNSAFE = re.compile("[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
FALLBACK = "file"


def clean_file_name(name: object) -> str:
    """``name`` without control and bidi characters, trimmed; ``"file"`` when nothing printable remains."""
    text = _UNSAFE.sub("", str(name if name is not None else "")).strip()
    return text or FALLBACK
