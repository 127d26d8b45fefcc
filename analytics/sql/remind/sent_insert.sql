-- One message delivered to one recipient (its content hash decides "already sent").
insert into reminder_sent (email, content_sha256, run_id, sent_at) values ($email, $content_sha256, $run_id, $sent_at)
