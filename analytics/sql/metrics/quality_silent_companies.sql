-- Data quality: companies on the roster (in scope) with no walkthrough row of their staff in a month of the year
-- that has ended by $as_of, from the rows of volume_rows.sql (spliced in place of the marker below). A month still
-- running on $as_of is not "silent" yet (issue #16 item 7: on 7 December no company is missing December); a month
-- has ended when its last day is on or before $as_of, as a quota period has (quota_results.sql: period_end > $as_of
-- is in progress).
with base as (
    /*volume_rows*/
),

months as (
    select unnest($period_codes) as period, unnest($period_starts)::date as period_start,
        unnest($period_ends)::date as period_end
),

tree as (
    -- name, level and first snapshot of each company: the tree, written once
    /*include company_tree*/
),

companies as (
    select company_key, company, level, first_snapshot
    from tree
    where $scope_keys is null or company_key in (select unnest($scope_keys))
),

active as (
    -- the months are the calendar months of one year: a row's month is found by equality, not a range join
    select distinct b.company_key, m.period
    from (select distinct company_key, month(date) as month from base where company_key is not null) as b
    join months as m on month(m.period_start) = b.month
),

final as (
    select c.company_key, c.company, c.level, m.period, m.period_start, m.period_end
    from companies as c
    cross join months as m
    where m.period_end <= $as_of
        and not exists (select 1 from active as a where a.company_key = c.company_key and a.period = m.period)
)

select * from final
order by case level when '總部' then 0 when '省公司' then 1 else 2 end, company_key, period_start
