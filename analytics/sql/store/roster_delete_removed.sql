delete from roster as t
using removed as r
where t.company_key = r.company_key and t.effective_date = r.effective_date and t.employee_id = r.employee_id
