-- events_by_type_daily: distinct real-world events and their mentions per type per day (grain: day, event_type).
CREATE OR REPLACE VIEW events_by_type_daily AS
SELECT
    e.event_date AS day,
    e.event_type,
    count(DISTINCT e.event_key) AS events,
    count(*) AS mentions,
    count(DISTINCT a.source) AS outlets
FROM events AS e
JOIN relevant_articles AS a USING (article_id)
WHERE e.event_date IS NOT NULL
GROUP BY e.event_date, e.event_type
ORDER BY day, event_type;
