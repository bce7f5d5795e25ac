-- What `lanner watch` remembers between polls: each feed's validators for conditional requests, and each
-- feed item it has seen, keyed by the feed's URL and the item's id (else its link), with what became of it.
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Times are ISO 8601 text in UTC, like processed_at.

CREATE TABLE feeds (
    url TEXT PRIMARY KEY,                      -- the feed's URL as given to lanner watch
    etag TEXT,                                 -- validators from the last full download, sent back next time
    last_modified TEXT,
    last_polled TEXT,
    last_status TEXT,                          -- ok, not_modified or failed
    last_error TEXT
);

CREATE TABLE feed_entries (
    feed_url TEXT NOT NULL,
    entry_key TEXT NOT NULL,                   -- the item's id, else its link, else a hash of title and date
    link TEXT,
    title TEXT,
    first_seen TEXT NOT NULL,
    last_attempt TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL CHECK (status IN ('stored', 'failed')),
    document_id TEXT,                          -- documents.id of the article stored for it
    events INTEGER,                            -- events stored for it
    error TEXT,                                -- the last failure, with its code
    PRIMARY KEY (feed_url, entry_key)
);

CREATE INDEX feed_entries_document ON feed_entries(document_id);
