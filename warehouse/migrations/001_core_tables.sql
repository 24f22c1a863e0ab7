-- Core tables of the warehouse (DESIGN.md contract). No PRIMARY KEY constraints: keys are enforced by the
-- loader (MERGE on stable keys) and asserted by the data-quality checks, which keeps bulk loads fast and the
-- same DDL valid on DuckLake, which has no indexes.

-- grain: one row per article (canonical URL); key: article_id
CREATE TABLE IF NOT EXISTS articles (
    article_id      VARCHAR NOT NULL,   -- first 16 hex of sha256(canonical_url)
    url             VARCHAR NOT NULL,   -- URL as fetched (after redirects)
    canonical_url   VARCHAR NOT NULL,
    source          VARCHAR,            -- outlet name from the feeds file
    title           VARCHAR,
    author          VARCHAR,
    published_at    TIMESTAMP,          -- UTC
    language        VARCHAR,
    text            VARCHAR,
    relevant        BOOLEAN NOT NULL,
    relevance_score DOUBLE,
    content_hash    VARCHAR,
    simhash         BIGINT,
    duplicate_of    VARCHAR,            -- article_id of the first near-duplicate copy, NULL for originals
    fetched_at      TIMESTAMP,          -- UTC
    run_id          VARCHAR,            -- run that last wrote the row
    first_run_id    VARCHAR             -- run that first stored the article
);

-- grain: one row per direct quote; key: quote_id
CREATE TABLE IF NOT EXISTS quotes (
    quote_id    VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    speaker     VARCHAR,
    speaker_id  VARCHAR,
    start_char  INTEGER NOT NULL,       -- offsets into articles.text, end exclusive
    end_char    INTEGER NOT NULL,
    fragment    BOOLEAN NOT NULL,
    cue         VARCHAR,
    evidence    VARCHAR,                -- the sentence holding the quote
    quote_key   VARCHAR                 -- normalised text linking the same quote across outlets
);

-- grain: one row per event mention; key: event_id; event_key links mentions of one real-world event
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    event_type      VARCHAR NOT NULL,
    event_date      DATE,
    event_date_end  DATE,
    actors          VARCHAR[],
    location        VARCHAR,
    status          VARCHAR NOT NULL,   -- occurred | scheduled | proposed
    evidence        VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    cameo_code      VARCHAR,
    event_key       VARCHAR
);

-- grain: one row per URL per run
CREATE TABLE IF NOT EXISTS fetches (
    run_id      VARCHAR NOT NULL,
    url         VARCHAR NOT NULL,
    source      VARCHAR,
    final_url   VARCHAR,
    outcome     VARCHAR NOT NULL,
    status_code INTEGER,
    error       VARCHAR,
    attempts    INTEGER,
    elapsed_ms  INTEGER,
    bytes       BIGINT,
    fetched_at  TIMESTAMP
);

-- grain: one row per feed URL (current state for conditional GET)
CREATE TABLE IF NOT EXISTS feeds (
    feed_url        VARCHAR NOT NULL,
    source          VARCHAR,
    etag            VARCHAR,
    last_modified   VARCHAR,
    last_polled_at  TIMESTAMP,
    last_status     INTEGER,
    last_error      VARCHAR
);

-- grain: one row per run
CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR NOT NULL,
    logical_date    DATE,
    window_start    DATE,               -- first publication day this run looked for
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,
    status          VARCHAR,            -- loaded | checked | failed
    feeds_polled    INTEGER,
    feeds_failed    INTEGER,
    candidates      INTEGER,
    fetched_ok      INTEGER,
    fetch_failed    INTEGER,
    articles        INTEGER,
    relevant        INTEGER,
    duplicates      INTEGER,
    quotes          INTEGER,
    events          INTEGER,
    error           VARCHAR
);
