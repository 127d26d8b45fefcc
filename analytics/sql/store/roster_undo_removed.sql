insert into undo_roster (undo_batch_id, company, company_key, effective_date, employee_id, name, level,
    parent_company, parent_key, department, department_key, department_type, rank, batch_id, source_row)
select $batch_id, company, company_key, effective_date, employee_id, name, level,
    parent_company, parent_key, department, department_key, department_type, rank, batch_id, source_row
from removed
