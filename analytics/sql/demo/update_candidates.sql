-- Open issues of one company and department whose 計畫完成日期 lies after the demo's today: the demo records its
-- app updates (issue #15 item 6) on these, so that no overdue, closed or open count of the demo changes.
select issue_id, status, due_on, raised_on
from issues
where owner_company = $company
  and owner_department = $department
  and not list_contains($closed_statuses, status)  -- analytics/schema.py's CLOSED_STATUSES; 狀態 is never null
  and due_on > $today
order by issue_id
limit $n
