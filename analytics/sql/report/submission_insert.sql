-- A province's upward report for a period was generated and submitted (SPEC 9.4).
insert into report_submissions (province_key, province, period, submitted_at, submitted_by, batch_id, as_of, file_names)
values ($province_key, $province, $period, $submitted_at, $submitted_by, $batch_id, $as_of, $file_names)
