-- Data quality: 工號 in the walkthrough log of [$start, $end] that are on no roster snapshot, with row counts.
with unmatched as (
    select employee_id, name, date
    from walkthroughs
    where date between $start and $end
        and employee_id not in (select employee_id from roster)
),

final as (
    select employee_id, mode(name) as name, count(*) as rows, min(date) as first_date, max(date) as last_date
    from unmatched
    group by employee_id
)

select * from final
order by rows desc, employee_id
