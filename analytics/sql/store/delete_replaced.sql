-- Template: remove the stored rows of {table} that the batch re-writes (they are in the undo log now).
delete from {table} as t
using changes as c
where {key_match_tc}
