-- violations_weekly: alleged ceasefire violations per ISO week, counted as distinct events and as mentions (grain: week).
CREATE OR REPLACE VIEW violations_weekly AS
SELECT
    CAST(date_trunc('week', event_date) AS DATE) AS week,
    count(*) AS events,
    sum(articles) AS mentions,
    max(sources) AS max_sources
FROM event_timeline
WHERE event_type = 'ceasefire_violation' AND event_date IS NOT NULL
GROUP BY week
ORDER BY week;
