-- Which version of each view is installed, so opening the warehouse recreates only views whose SQL changed.
-- On DuckLake every CREATE OR REPLACE VIEW is a catalog commit that conflicts with concurrent writers, so
-- recreating all views on every open would make parallel loads collide.

-- grain: one row per view; key: name
CREATE TABLE IF NOT EXISTS schema_views (
    name        VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,   -- of the view's SQL file
    created_at  TIMESTAMP
);
