-- quote_spread: one row per linked quote (same normalised text in two or more articles): how far and how long it travelled (grain: quote_key).
-- Text and speaker are those of the first outlet to carry the quote; a quote printed once is not listed.
CREATE OR REPLACE VIEW quote_spread AS
SELECT
    q.quote_key,
    arg_min(q.text, a.day) AS text,
    arg_min(q.speaker, a.day) AS speaker,
    arg_min(q.speaker_id, a.day) AS speaker_id,
    min(a.day) AS first_seen,
    max(a.day) AS last_seen,
    count(DISTINCT a.source) AS outlets,
    count(DISTINCT q.article_id) AS articles,
    count(DISTINCT a.day) AS days
FROM quotes AS q
JOIN relevant_articles AS a USING (article_id)
WHERE NOT q.fragment AND q.quote_key IS NOT NULL AND q.quote_key <> ''
GROUP BY q.quote_key
HAVING count(DISTINCT q.article_id) > 1
ORDER BY outlets DESC, articles DESC, first_seen;
