insert into import_messages (batch_id, table_name, severity, sheet, source_row, column_header, value, code, params,
    row_key)
select $batch_id, table_name, severity, sheet, cast(source_row as integer), column_header, value, code,
    cast(params as json), row_key
from incoming_messages
