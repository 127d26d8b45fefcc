"""The DuckDB store: connection, migrations, batches, upserts, rollback (SPEC 2.5).

Entry points: ``connection.connect``, ``importer.import_files`` / ``importer.commit_parsed``,
``batches.list_batches`` / ``batches.rollback_batch`` / ``batches.load_archived_file``, ``audit.record``,
``maintenance.backup`` / ``restore`` / ``check``.

Choices made where SPEC.md is silent (documented here and in the modules):

- One file = one batch = one transaction. Tables of a file are committed roster first (schema.IMPORT_ORDER).
- A refused file (file-level error, ``strict`` with any error, or no valid row at all) writes no data rows but is
  recorded as a batch with status ``rejected`` (with its messages and archived original) so the batches page lists
  it; it never makes the same bytes "already imported". A failure while writing rolls the file back entirely and is
  reported as ``rejected`` without a batch.
- "Already imported" means byte-identical (SHA-256) to a batch that is still ``active``; after a rollback the same
  file may be imported again.
- Every row a file sends becomes the batch's own (``batch_id``), including unchanged rows (counted as unchanged).
  The undo log keeps the prior version, so rolling back restores it, and rolling back an older batch whose rows a
  later file re-sent is refused until that later batch is rolled back: "as if the batch never happened" stays exact.
- Roster snapshots: a file replaces, per (company_key, effective_date) it contains, the whole snapshot; staff of
  that snapshot missing from the file are removed (counted as ``removed``), except people whose row of the file
  was rejected (found by the 工號 header of the rejected rows): a typo does not take someone off the roster.
- Warnings needing the database (unmatched 工號, 姓名 ≠ roster) are compared tolerantly (``match_key``) against
  every roster snapshot and kept in import_messages with the stored row key. Rolling back a batch deletes its
  import_messages and status history.
- Timestamps (imported_at, changed_at, audit ``at``) are local server time without zone.
"""
