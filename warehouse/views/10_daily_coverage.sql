-- daily_coverage: articles and distinct outlets per day, relevant only, near-duplicates counted once (grain: day).
CREATE OR REPLACE VIEW daily_coverage AS
SELECT
    day,
    count(*) FILTER (WHERE is_original) AS articles,
    count(DISTINCT source) AS outlets,
    count(*) FILTER (WHERE NOT is_original) AS duplicates
FROM relevant_articles
GROUP BY day
ORDER BY day;
