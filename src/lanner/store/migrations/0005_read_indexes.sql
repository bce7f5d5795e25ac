-- Indexes for the web UI and REST API's reads (lanner/store/read.py), sized for millions of events:
-- the default filter (factuality) in date order (and covering the timeline's counts), type and country in
-- date order, covering indexes on coordinates so the map aggregates clusters without reading the table, and one
-- that answers an actor's (or an actor pair's) events from the index alone.

CREATE INDEX events_factuality_date_type ON events(factuality, date_start, type);

CREATE INDEX events_type_date ON events(type, date_start);

CREATE INDEX events_country_date ON events(country, date_start);

CREATE INDEX events_map ON events(lat, lon, factuality, type);

CREATE INDEX events_map_factuality ON events(factuality, lat, lon, type);

CREATE INDEX event_actors_actor_role ON event_actors(actor_id, role, event_id);
