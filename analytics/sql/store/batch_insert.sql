insert into batches (batch_id, file_name, sha256, size_bytes, imported_at, imported_by, status, strict, counts,
    archive_path, replaces_batch, source)
values ($batch_id, $file_name, $sha256, $size_bytes, $imported_at, $imported_by, $status, $strict,
    cast($counts as json), $archive_path, $replaces_batch, $source)
