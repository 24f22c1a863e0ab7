-- speaker_outlets: which outlets quote each speaker, how often and over which days, relevant originals only (grain: speaker_id, source).
-- The display name is the speaker's most frequent one over all outlets, picked by a two-step count + arg_max
-- rather than mode(), which is several times slower with hundreds of thousands of groups.
CREATE OR REPLACE VIEW speaker_outlets AS
WITH quoted AS (
    SELECT q.speaker_id, q.speaker, coalesce(a.source, '?') AS source, q.article_id, a.day
    FROM quotes AS q
    JOIN relevant_articles AS a USING (article_id)
    WHERE NOT q.fragment AND q.speaker_id IS NOT NULL AND a.is_original
),
names AS (
    SELECT speaker_id, arg_max(speaker, uses) AS speaker
    FROM (SELECT speaker_id, speaker, count(*) AS uses FROM quoted GROUP BY ALL)
    GROUP BY speaker_id
)
SELECT
    quoted.speaker_id,
    names.speaker,
    quoted.source,
    count(*) AS quotes,
    count(DISTINCT quoted.article_id) AS articles,
    min(quoted.day) AS first_quoted,
    max(quoted.day) AS last_quoted
FROM quoted
JOIN names USING (speaker_id)
GROUP BY quoted.speaker_id, names.speaker, quoted.source
ORDER BY quoted.speaker_id, quotes DESC, quoted.source;
