-- Process discipline of SPEC 4.2 (articles 8-9): each walkthrough row dated in [$start, $end] with the person's
-- company as of its date (roster_spans.sql; null = 工號 on no roster, "unmatched") and the four checks as
-- notice_applicable, notice_pass, summary_pass, copy_pass and issue_pass. $scope_keys null = every row (unmatched
-- included); otherwise rows of those companies only. Included (sqlfiles.load_sql) by discipline_rows.sql (the
-- failing-row list) and discipline_summary.sql (the rates).
with rows_in_range as (
    select *
    from walkthroughs
    where date between $start and $end
),

with_company as (
    /*include walks_with_company*/
),

linked_issues as (
    -- ISSUE-MIN1: an issue linked by 穿越編號 raised by this person, or with a blank raiser (counts for everyone)
    select distinct activity_id, coalesce(nullif(trim(raised_by), ''), '*') as raised_by
    from issues
    where activity_id is not null and activity_id <> ''
),

final as (
    select
        r.*,
        r.needs_support or r.mode = '大規模穿越' as notice_applicable,
        r.notified_on is not null
            and r.notified_on <= r.date - (case when r.mode = '大規模穿越' then 7 else 3 end)::integer
            as notice_pass,
        r.summary_on is not null and r.summary_on - r.date between 0 and 7 as summary_pass,
        coalesce(r.copy_sent, false) as copy_pass,
        coalesce(r.issues_raised, 0) >= 1 or own.activity_id is not null or anyone.activity_id is not null
            as issue_pass
    from with_company as r
    left join linked_issues as own on own.activity_id = r.activity_id and own.raised_by = r.employee_id
    left join (select activity_id from linked_issues where raised_by = '*') as anyone
        on anyone.activity_id = r.activity_id
)

select * from final
