-- The rows of the including query's CTE `rows_in_range` (each with employee_id and date) with the person's
-- company_key, level, department_key and department as of the row's date (SPEC 4.2-4.4, roster_spans.sql); a 工號
-- on no roster keeps nulls (an unmatched row). $scope_keys null = every row, unmatched included; otherwise the rows
-- of those companies only. Included (sqlfiles.load_sql) as the CTE of volume_rows, volume_summary,
-- discipline_checked and plans_walks: one definition of "a walk belongs to the walker's company of that day".
-- Columns a caller does not read are dropped by DuckDB's projection pushdown.
with people as (
    select employee_id from rows_in_range
),

spans as (
    /*include roster_spans*/
),

final as (
    select w.*, s.company_key, s.level, s.department_key, s.department
    from rows_in_range as w
    left join spans as s on s.employee_id = w.employee_id and w.date >= s.valid_from and w.date < s.valid_to
    where $scope_keys is null or s.company_key in (select unnest($scope_keys))
)

select * from final
