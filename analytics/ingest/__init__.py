"""Reading uploaded files into typed rows with reasons for every rejected row (SPEC 2.4).

Entry point: ``parse_file(file_name, content) -> ParsedFile`` (see ``model.py``). No database access here.
"""

from analytics.ingest.model import ParsedFile, Problem, SheetReport
from analytics.ingest.parse import parse_file

__all__ = ["ParsedFile", "Problem", "SheetReport", "parse_file"]
