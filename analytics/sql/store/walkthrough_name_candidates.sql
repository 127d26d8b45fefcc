-- Rows whose 姓名 is not written exactly as any roster snapshot writes that 工號's name; Python then compares
-- the tolerant match_key (Traditional/Simplified, width, spaces) to decide the warning.
with named as (
    select s.source_sheet, s.source_row, s.employee_id, s.activity_key, s.name
    from stage as s
    where s.name is not null
),

candidates as (
    select
        n.source_sheet, n.source_row, n.employee_id, n.activity_key, n.name,
        list(distinct r.name order by r.name) as roster_names
    from named as n
    inner join roster as r on n.employee_id = r.employee_id
    group by all
    having not bool_or(r.name = n.name)
),

final as (
    select * from candidates order by source_sheet, source_row, employee_id
)

select * from final
