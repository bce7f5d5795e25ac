-- Numbered for PostgreSQL too, where event search is a generated column and no trigger is involved.

SELECT 1;
