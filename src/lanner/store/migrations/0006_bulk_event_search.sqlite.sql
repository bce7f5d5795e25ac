-- Event search entries are added by the writer, one statement per stored batch (lanner/store/database.py,
-- `Store._write_batch`), instead of by a trigger on every inserted row: FTS5 took about four times as long
-- per row through the trigger, and the single writer of a distributed run spent more time on it than on
-- the events themselves. Updates and deletes keep their triggers.

DROP TRIGGER IF EXISTS events_fts_ai;
