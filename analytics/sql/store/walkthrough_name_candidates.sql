-- Rows whose 姓名 is not written exactly as any roster snapshot writes that 工號's name; Python then compares
-- the tolerant match_key (Traditional/Simplified, width, spaces) to decide the warning. The exact-match anti join
-- first keeps the aggregation to the few rows that differ.
with named as (
    select s.source_sheet, s.source_row, s.employee_id, s.activity_key, s.name
    from stage as s
    where s.name is not null
),

differing as (
    select n.*
    from named as n
    anti join roster as r on n.employee_id = r.employee_id and n.name = r.name
),

candidates as (
    select
        d.source_sheet, d.source_row, d.employee_id, d.activity_key, d.name,
        list(distinct r.name order by r.name) as roster_names
    from differing as d
    inner join roster as r on d.employee_id = r.employee_id
    group by all
),

final as (
    select * from candidates order by source_sheet, source_row, employee_id
)

select * from final
