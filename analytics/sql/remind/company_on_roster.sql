-- Whether a company (by key) has any roster snapshot.
select 1 from roster where company_key = $company_key limit 1
