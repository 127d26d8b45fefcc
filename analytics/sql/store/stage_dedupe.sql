-- Template: should duplicate keys ever reach the store, the last row of the file wins (as a re-import would).
create or replace temp table stage as
select *
from stage
qualify row_number() over (partition by {key_cols} order by source_row desc) = 1
