-- source_health: fetch outcomes per outlet over all runs, for spotting broken feeds and blocking sites (grain: source, outcome).
CREATE OR REPLACE VIEW source_health AS
SELECT
    coalesce(source, '?') AS source,
    outcome,
    count(*) AS fetches,
    max(fetched_at) AS last_seen
FROM fetches
GROUP BY ALL
ORDER BY source, fetches DESC;
