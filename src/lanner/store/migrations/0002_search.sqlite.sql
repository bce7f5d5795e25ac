-- Full-text search over event evidence and article title and text (SQLite FTS5).
-- External-content tables named <table>_fts with content="<table>" are what Datasette looks for, so its
-- search box works on the file as it is. Triggers keep them in step with every insert, update and delete;
-- each trigger body stays on one line so the migration runner's statement split leaves it whole.

CREATE VIRTUAL TABLE events_fts USING fts5(evidence_text, content="events", tokenize="unicode61 remove_diacritics 2");

CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN INSERT INTO events_fts (rowid, evidence_text) VALUES (new.rowid, new.evidence_text); END;

CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN INSERT INTO events_fts (events_fts, rowid, evidence_text) VALUES ('delete', old.rowid, old.evidence_text); END;

CREATE TRIGGER events_fts_au AFTER UPDATE ON events BEGIN INSERT INTO events_fts (events_fts, rowid, evidence_text) VALUES ('delete', old.rowid, old.evidence_text); INSERT INTO events_fts (rowid, evidence_text) VALUES (new.rowid, new.evidence_text); END;

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content="documents", tokenize="unicode61 remove_diacritics 2");

CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END;

CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END;

CREATE TRIGGER documents_fts_au AFTER UPDATE ON documents BEGIN INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END;

INSERT INTO events_fts (events_fts) VALUES ('rebuild');

INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
