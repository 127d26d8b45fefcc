-- 工號 of the roster rows of this file that the reader rejected (bound list); see roster_removed.sql.
create or replace temp table rejected_ids as
select unnest(cast($ids as varchar[])) as employee_id
