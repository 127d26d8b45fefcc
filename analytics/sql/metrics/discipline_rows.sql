-- Process discipline of SPEC 4.2 (articles 8-9), one row per walkthrough row dated in [$start, $end] and check,
-- from discipline_checked.sql (the person's company and the checks). $scope_keys null = every row (unmatched
-- included); otherwise rows of those companies only.
with checked as (
    /*include discipline_checked*/
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
