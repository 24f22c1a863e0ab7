-- relevant_articles: relevant articles with near-duplicates folded into their first copy (grain: article_id).
CREATE OR REPLACE VIEW relevant_articles AS
SELECT
    a.article_id,
    a.source,
    a.title,
    a.url,
    a.published_at,
    CAST(coalesce(a.published_at, a.fetched_at) AS DATE) AS day,
    a.relevance_score,
    a.duplicate_of,
    a.duplicate_of IS NULL AS is_original
FROM articles AS a
WHERE a.relevant;
