-- Event search entries for a batch are added by the writer in one statement per stored article
-- (lanner/store/database.py, `Store._write_batch`) rather than by the insert trigger row by row: FTS5 took
-- about four times as long per row through the trigger, and the single writer of a distributed run spent more
-- time on it than on the events themselves. The writer marks its transaction in `search_deferred` (a row no
-- other connection ever sees, removed before commit), and the trigger stands aside only then: every other
-- insert (a script, a Datasette plugin) is still indexed as it happens. Updates and deletes keep their triggers.

CREATE TABLE search_deferred (writer INTEGER PRIMARY KEY);

DROP TRIGGER IF EXISTS events_fts_ai;

CREATE TRIGGER events_fts_ai AFTER INSERT ON events WHEN NOT EXISTS (SELECT 1 FROM search_deferred) BEGIN INSERT INTO events_fts (rowid, evidence_text) VALUES (new.rowid, new.evidence_text); END;
