-- Issue #15 item 1 (SPEC 9, article 9.3): progress recorded in the app. An app update is written like a one-row
-- import (its own batch, so rollback, the undo log and 匯入紀錄 work for it too) with source 'app'; null is an
-- import. Every history entry keeps the progress note and the 計畫完成日期 it brought, so the issue page can show
-- a timeline (who and where from come from the entry's batch).
alter table batches add column source varchar;
alter table issue_status_history add column note varchar;
alter table issue_status_history add column due_on date;
