-- Numbered for PostgreSQL too, where event search is a generated column and there is no trigger to drop.

SELECT 1;
