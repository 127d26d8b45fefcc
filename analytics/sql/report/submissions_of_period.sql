-- The latest submission of each province for $period.
select province_key, province, period, submitted_at, submitted_by, batch_id, as_of
from report_submissions
where period = $period
qualify row_number() over (partition by province_key order by submitted_at desc) = 1
order by province_key
