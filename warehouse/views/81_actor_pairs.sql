-- actor_pairs: pairs of actors named in the same linked event, with how many events and of which types (grain: actor_a, actor_b).
-- Built from events directly rather than from event_timeline: linked mentions share their type by construction,
-- so min(event_type) is exact and the pairs need none of the timeline's per-event mode() columns.
CREATE OR REPLACE VIEW actor_pairs AS
WITH linked AS (
    SELECT
        e.event_key,
        min(e.event_type) AS event_type,
        min(e.event_date) AS event_date,
        count(DISTINCT a.source) AS sources,
        list_distinct(flatten(list(e.actors))) AS actors
    FROM events AS e
    JOIN relevant_articles AS a USING (article_id)
    GROUP BY e.event_key
),
actor_events AS (
    SELECT event_key, event_type, event_date, sources, unnest(actors) AS actor FROM linked
)
SELECT
    a.actor AS actor_a,
    b.actor AS actor_b,
    count(*) AS events,
    count(DISTINCT a.event_type) AS event_types,
    arg_max(a.event_type, a.sources) AS most_reported_type,
    min(a.event_date) AS first_date,
    max(a.event_date) AS last_date,
    sum(a.sources) AS source_mentions
FROM actor_events AS a
JOIN actor_events AS b ON a.event_key = b.event_key AND a.actor < b.actor
GROUP BY a.actor, b.actor
ORDER BY events DESC, actor_a, actor_b;
