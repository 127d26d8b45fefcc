-- Walkthrough rows dated in [$start, $end] whose 工號 is on no roster snapshot (SPEC 2.2: counted, flagged).
with final as (
    select count(*) as unmatched_rows
    from walkthroughs
    where date between $start and $end
        and employee_id not in (select employee_id from roster)
)

select * from final
