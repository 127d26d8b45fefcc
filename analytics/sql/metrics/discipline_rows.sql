-- Process discipline of SPEC 4.2 (articles 8-9), one row per walkthrough row and check, for the rows dated in
-- [$start, $end]. The person's company is the roster row of that 工號 with the latest effective_date <= the
-- walkthrough date, else the earliest one (roster_spans.sql); rows whose 工號 is on no roster keep company_key null
-- (unmatched).
-- $scope_keys null = every row (unmatched included); otherwise rows of those companies only.
with rows_in_range as (
    select *
    from walkthroughs
    where date between $start and $end
),

people as (
    select employee_id from rows_in_range
),

spans as (
    /*include roster_spans*/
),

with_company as (
    select w.*, s.company_key
    from rows_in_range as w
    left join spans as s on s.employee_id = w.employee_id and w.date >= s.valid_from and w.date < s.valid_to
),

scoped as (
    select *
    from with_company
    where $scope_keys is null or company_key in (select unnest($scope_keys))
),

linked_issues as (
    -- ISSUE-MIN1: an issue linked by 穿越編號 raised by this person, or with a blank raiser (counts for everyone)
    select distinct activity_id, coalesce(nullif(trim(raised_by), ''), '*') as raised_by
    from issues
    where activity_id is not null and activity_id <> ''
),

checked as (
    select
        s.*,
        s.needs_support or s.mode = '大規模穿越' as notice_applicable,
        s.notified_on is not null
            and s.notified_on <= s.date - (case when s.mode = '大規模穿越' then 7 else 3 end)::integer
            as notice_pass,
        s.summary_on is not null and s.summary_on - s.date between 0 and 7 as summary_pass,
        coalesce(s.copy_sent, false) as copy_pass,
        coalesce(s.issues_raised, 0) >= 1 or own.activity_id is not null or anyone.activity_id is not null
            as issue_pass
    from scoped as s
    left join linked_issues as own on own.activity_id = s.activity_id and own.raised_by = s.employee_id
    left join (select activity_id from linked_issues where raised_by = '*') as anyone
        on anyone.activity_id = s.activity_id
),

final as (
    select
        c.activity_key, c.activity_id, c.employee_id, c.name, c.date, c.category, c.item, c.mode, c.needs_support,
        c.notified_on, c.summary_on, c.copy_sent, c.issues_raised, c.company_key,
        u.check_code as "check",
        case u.check_code when 'NOTICE' then c.notice_applicable else true end as applicable,
        case u.check_code
            when 'NOTICE' then c.notice_pass
            when 'SUMMARY-7D' then c.summary_pass
            when 'COPY-SENT' then c.copy_pass
            else c.issue_pass
        end as passing
    from checked as c
    cross join (select unnest(['NOTICE', 'SUMMARY-7D', 'COPY-SENT', 'ISSUE-MIN1']) as check_code) as u
)

select * from final
