-- event_timeline: one row per linked real-world event with its number of independent sources (grain: event_key).
-- Linked mentions share their type by construction; location, code and evidence come from the first report.
CREATE OR REPLACE VIEW event_timeline AS
SELECT
    e.event_key,
    min(e.event_type) AS event_type,
    min(e.event_date) AS event_date,
    max(e.event_date_end) AS event_date_end,
    list_sort(list_distinct(flatten(list(e.actors)))) AS actors,
    arg_min(e.location, a.published_at) AS location,
    CASE WHEN bool_or(e.status = 'occurred') THEN 'occurred'
         WHEN bool_or(e.status = 'scheduled') THEN 'scheduled' ELSE 'proposed' END AS status,
    min(e.cameo_code) AS cameo_code,
    count(DISTINCT a.source) AS sources,
    count(DISTINCT e.article_id) AS articles,
    min(a.day) AS first_reported,
    arg_min(e.evidence, a.published_at) AS evidence
FROM events AS e
JOIN relevant_articles AS a USING (article_id)
GROUP BY e.event_key
ORDER BY event_date NULLS LAST, event_type;
