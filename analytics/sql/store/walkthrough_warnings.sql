-- SPEC 2.2 warnings that need the roster, for the staged log rows, reading the roster once (issue #6):
-- kind 'unmatched': the 工號 is in no roster snapshot (imported but flagged);
-- kind 'name': the 姓名 is not written exactly as any snapshot writes that 工號's name. Python then compares the
-- tolerant match_key (Traditional/Simplified, width, spaces) to decide the warning.
-- Unmatched rows come first, then name candidates, each in (sheet, row, 工號) order.
with staged_ids as (
    select distinct employee_id from stage
),

roster_names as (
    select r.employee_id, list(distinct r.name order by r.name) as roster_names
    from roster as r
    semi join staged_ids as i on r.employee_id = i.employee_id
    group by r.employee_id
),

flagged as (
    select
        case when n.employee_id is null then 'unmatched' else 'name' end as kind,
        s.source_sheet, s.source_row, s.employee_id, s.activity_key, s.name, n.roster_names
    from stage as s
    left join roster_names as n on s.employee_id = n.employee_id
    where n.employee_id is null
        or (s.name is not null and not list_contains(n.roster_names, s.name))
),

final as (
    select * from flagged
    order by kind = 'name', source_sheet, source_row, employee_id
)

select * from final
