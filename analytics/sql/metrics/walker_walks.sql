-- A person's walks of one calendar year dated on or before $as_of (SPEC 4.5: a later walk has not happened yet),
-- newest first, with the number of issues recorded against the activity's 穿越編號 by that date.
with walks as (
    select
        activity_key, activity_id, date, category, item, theme, mode, scope, target_unit, hours, needs_support,
        notified_on, summary_on, copy_sent, issues_raised
    from walkthroughs
    where employee_id = $employee_id
        and date between $year_start and $as_of
),

linked as (
    select activity_id, count(*) as issues_logged
    from issues
    where activity_id in (select activity_id from walks where activity_id is not null)
        and raised_on <= $as_of
    group by activity_id
),

final as (
    select w.*, coalesce(l.issues_logged, 0) as issues_logged
    from walks as w
    left join linked as l using (activity_id)
    order by w.date desc, w.activity_key
)

select * from final
