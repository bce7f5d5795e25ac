-- Full-text search over event evidence and article title and text (PostgreSQL tsvector + GIN).
-- Generated columns keep the vectors in step with the rows without triggers.

ALTER TABLE events ADD COLUMN evidence_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(evidence_text, ''))) STORED;

CREATE INDEX events_evidence_tsv ON events USING GIN (evidence_tsv);

ALTER TABLE documents ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, ''))) STORED;

CREATE INDEX documents_search_tsv ON documents USING GIN (search_tsv);
