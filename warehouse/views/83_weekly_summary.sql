-- weekly_summary: one line per ISO week: coverage, outlets, quotes, speakers, linked events, ceasefires and violations (grain: week).
CREATE OR REPLACE VIEW weekly_summary AS
WITH coverage AS (
    SELECT
        CAST(date_trunc('week', day) AS DATE) AS week,
        count(*) FILTER (WHERE is_original) AS articles,
        count(DISTINCT source) AS outlets
    FROM relevant_articles
    WHERE day IS NOT NULL
    GROUP BY ALL
),
quoted AS (
    SELECT
        CAST(date_trunc('week', a.day) AS DATE) AS week,
        count(*) AS quotes,
        count(DISTINCT q.speaker_id) AS speakers
    FROM quotes AS q
    JOIN relevant_articles AS a USING (article_id)
    WHERE NOT q.fragment AND a.is_original AND a.day IS NOT NULL
    GROUP BY ALL
),
happened AS (
    SELECT
        CAST(date_trunc('week', event_date) AS DATE) AS week,
        count(*) AS events,
        count(*) FILTER (WHERE event_type = 'ceasefire') AS ceasefires,
        count(*) FILTER (WHERE event_type = 'ceasefire_violation') AS violations
    FROM (
        -- one row per linked event, as in event_timeline, without its per-event mode() columns
        SELECT e.event_key, min(e.event_type) AS event_type, min(e.event_date) AS event_date
        FROM events AS e
        JOIN relevant_articles AS a USING (article_id)
        GROUP BY e.event_key
    )
    WHERE event_date IS NOT NULL
    GROUP BY ALL
)
SELECT
    week,
    coalesce(coverage.articles, 0) AS articles,
    coalesce(coverage.outlets, 0) AS outlets,
    coalesce(quoted.quotes, 0) AS quotes,
    coalesce(quoted.speakers, 0) AS speakers,
    coalesce(happened.events, 0) AS events,
    coalesce(happened.ceasefires, 0) AS ceasefires,
    coalesce(happened.violations, 0) AS violations
FROM coverage
FULL JOIN quoted USING (week)
FULL JOIN happened USING (week)
ORDER BY week;
