-- coverage_by_source: per outlet and ISO week, articles stored, relevant, near-duplicate copies, quotes and events (grain: week, source).
CREATE OR REPLACE VIEW coverage_by_source AS
WITH arts AS (
    SELECT
        article_id,
        coalesce(source, '?') AS source,
        CAST(date_trunc('week', coalesce(published_at, fetched_at)) AS DATE) AS week,
        relevant,
        duplicate_of IS NOT NULL AS is_copy
    FROM articles
    WHERE coalesce(published_at, fetched_at) IS NOT NULL
),
per_article_quotes AS (
    SELECT article_id, count(*) AS quotes FROM quotes WHERE NOT fragment GROUP BY article_id
),
per_article_events AS (
    SELECT article_id, count(*) AS events FROM events GROUP BY article_id
)
SELECT
    arts.week,
    arts.source,
    count(*) AS articles,
    count(*) FILTER (WHERE arts.relevant) AS relevant,
    count(*) FILTER (WHERE arts.relevant AND arts.is_copy) AS duplicates,
    coalesce(sum(q.quotes), 0) AS quotes,
    coalesce(sum(e.events), 0) AS events
FROM arts
LEFT JOIN per_article_quotes AS q USING (article_id)
LEFT JOIN per_article_events AS e USING (article_id)
GROUP BY arts.week, arts.source
ORDER BY arts.week, articles DESC, arts.source;
