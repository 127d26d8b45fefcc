"""The upward report of a province to 總部 (SPEC 9.4): figures per scope, the data sheet, submission, ranking."""
