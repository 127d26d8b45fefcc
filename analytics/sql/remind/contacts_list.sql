-- Every contact (SPEC 2.7), lead-department contacts (department_key '') first within a company.
select company, company_key, department, department_key, name, email, employee_id, language
from contacts
order by company_key, department_key, email
