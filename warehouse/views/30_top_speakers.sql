-- top_speakers: who is quoted most, per ISO week, with quote, article and outlet counts (grain: week, speaker_id).
-- The display name is the fullest form the week's quotes used ("Vladimir Putin" over "Putin").
CREATE OR REPLACE VIEW top_speakers AS
SELECT
    CAST(date_trunc('week', a.day) AS DATE) AS week,
    q.speaker_id,
    arg_max(q.speaker, length(q.speaker)) AS speaker,
    count(*) AS quotes,
    count(DISTINCT q.article_id) AS articles,
    count(DISTINCT a.source) AS outlets
FROM quotes AS q
JOIN relevant_articles AS a USING (article_id)
WHERE NOT q.fragment AND q.speaker_id IS NOT NULL AND a.is_original
GROUP BY week, q.speaker_id
ORDER BY week, quotes DESC, speaker_id;
