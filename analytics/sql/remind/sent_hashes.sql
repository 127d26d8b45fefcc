-- The content hashes already delivered, per recipient.
select distinct email, content_sha256 from reminder_sent
