-- Data quality: 客戶接待日 rows of the year without 時長 (SPEC 4.1: they cannot show half a day and do not count),
-- from the rows of volume_rows.sql (spliced in place of the marker below).
with base as (
    /*volume_rows*/
),

final as (
    select employee_id, name, company_key, date, activity_id
    from base
    where category = /*schema.reception_category*/ and hours is null
)

select * from final
order by date, employee_id, activity_id
