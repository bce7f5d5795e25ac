-- Lanner's first schema: documents, the actors they name, mentions, events and their actors.
-- Foreign keys and indexes are declared so that Datasette's facets and joins work on the file as it is.

CREATE TABLE documents (
    id TEXT PRIMARY KEY,                       -- sha256 of the text, hex
    title TEXT,
    url TEXT,
    published TEXT,                            -- YYYY-MM-DD
    source TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    input_id TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    text_is_extracted INTEGER NOT NULL DEFAULT 0,
    pipeline TEXT,                             -- which model and version processed it
    processed_at TEXT NOT NULL
);

CREATE TABLE actors (
    actor_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    wikidata TEXT
);

CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('actor', 'place', 'date')),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    actor_id TEXT REFERENCES actors(actor_id),
    place_name TEXT,
    geonames_id INTEGER,
    feature TEXT,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    confidence REAL,
    PRIMARY KEY (document_id, kind, start, "end")
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,                       -- sha256 of the event's defining fields
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,                    -- the event's id within its document (extract output)
    type TEXT NOT NULL,
    mode TEXT,
    context TEXT NOT NULL DEFAULT '[]',        -- JSON list
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    place_name TEXT,
    geonames_id INTEGER,
    feature TEXT,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT NOT NULL,
    date_basis TEXT NOT NULL,
    fatalities INTEGER,
    factuality TEXT NOT NULL,
    confidence REAL NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL
);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors(actor_id),
    role TEXT NOT NULL CHECK (role IN ('source', 'target')),
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, role, actor_id)
);

CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_latlon ON events(lat, lon);
CREATE INDEX events_factuality ON events(factuality);
CREATE INDEX event_actors_actor ON event_actors(actor_id);
CREATE INDEX mentions_actor ON mentions(actor_id);
