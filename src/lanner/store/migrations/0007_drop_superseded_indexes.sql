-- Single-column indexes of 0001 that 0005's composite indexes begin with: every lookup they served, the composite
-- one serves as well, and each cost the single writer an index insert per row (about a sixth of its SQL time).

DROP INDEX IF EXISTS events_type;

DROP INDEX IF EXISTS events_country;

DROP INDEX IF EXISTS events_latlon;

DROP INDEX IF EXISTS events_factuality;

DROP INDEX IF EXISTS event_actors_actor;
