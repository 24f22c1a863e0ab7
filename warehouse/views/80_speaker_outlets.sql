-- speaker_outlets: which outlets quote each speaker, how often and over which days, relevant originals only (grain: speaker_id, source).
CREATE OR REPLACE VIEW speaker_outlets AS
SELECT
    q.speaker_id,
    mode(q.speaker) AS speaker,
    coalesce(a.source, '?') AS source,
    count(*) AS quotes,
    count(DISTINCT q.article_id) AS articles,
    min(a.day) AS first_quoted,
    max(a.day) AS last_quoted
FROM quotes AS q
JOIN relevant_articles AS a USING (article_id)
WHERE NOT q.fragment AND q.speaker_id IS NOT NULL AND a.is_original
GROUP BY q.speaker_id, coalesce(a.source, '?')
ORDER BY speaker_id, quotes DESC, source;
