"""Related posts: scored in PostgreSQL off-request, stored, and read by pages with one indexed query.

Candidates for an article A come from two places: the articles whose stored stems
(:mod:`articles.related.terms`) weigh most for A's strongest stems — text similarity over the whole
body — and the articles linking a specific person, organization or event A links, or sharing a
specific tag. Each candidate C (published, not A, not excluded by an editor, within the maximum
age) then gets a relevance in [0, 1) from three pieces of evidence:

- **text**: T, the cosine of A's and C's stored TF-IDF vectors;
- **entities**: every entity both link, common ones too, is evidence
  ``p = role(A) × role(C) × specificity²``, where roles follow prominence (about > quoted >
  mentions) and ``specificity = min(1, ln((N+1)/(df+1)) / ln(1/SPECIFIC_SHARE)) × (1 − df/N)``
  (N at least ``MIN_ARCHIVE`` in the first factor, ``SHARE_OF_AT_LEAST`` in the second) is 1 for an
  entity in one story in a thousand or fewer, a third for one in a tenth of the stories (a busy
  official) and 0 for an organization in every story (below ``MIN_SPECIFICITY`` it is no evidence
  at all); the pieces combine as independent evidence,
  ``E = 1 − Π(1 − p)``;
- **tags**: likewise, ``p = TAG_WEIGHT × specificity²``.

``relevance = 1 − (1 − T)(1 − E)(1 − G)``. What decides and orders is the **lift**: how far the
text stands out of the story's own background, ``max(T, B) / B × (1 + ENTITY_LIFT × E_about)``,
where B is the mean cosine of the story's 11th–30th nearest texts (``BACKGROUND_RANKS``, bounded
by ``BACKGROUND_BOUNDS``: what an unrelated story on the same beat shares with it) and
``E_about`` the evidence of the entities both stories are *about* and the tags they share. A busy
official quoted in both lifts nothing; shared wording is required, and a shared subject makes less
of it enough. A candidate is related when its lift is at least ``MIN_LIFT`` (once more for every
``EXTRA_LIFT_DAYS`` the two stories are apart beyond ``EVENT_DAYS``: a story on the same beat weeks
later is not the same story, unless both are about one specific subject, ``SAME_SUBJECT``) or its
relevance at least ``STRONG_RELEVANCE`` (scaled alike), its
relevance at least ``RELEVANCE_FLOOR`` (a story with nothing
related shows nothing, rather than a padded list), and its lift at least ``RELATIVE_FLOOR`` of the
best candidate's. A candidate of the same weeks that falls a little short (``SUPPORT_LIFT``, or
below the relevance floor) is related all the same when two of the story's strongest relatives
vouch for it, each as alike to it as a relative is to the story (``VOUCHERS`` of ``LEADERS``: one
story of an event told from another side shares its wording with some of the event's stories, not
all); a few pairs of stored vectors read by primary key. A candidate held back by the time rule
alone (its lift at least ``MIN_LIFT``) is related when one of the story's strongest relatives is
as alike to it as the time rule asks at their own distance, each link within the weeks the rule
weighs (a chain, one link further through a story so chained): a case reported over six weeks,
the warehouse found, the trial, the verdict; a same-beat story weeks later is a relative of none
of the story's relatives. A story whose best relative is alike to
none of its other strong ones is a roundup of several events (each a small part of it): it shows
its best only. A story where no candidate passes shows at most one: its closest candidate of the
same weeks (or about the same subject) above the relevance floor, never a padded list and, where
there is such a candidate, never an empty one. Where the background cannot be measured (a young
newsroom, too few stories sharing any words) the lift is not required. One whose text is the same
story (``T ≥ NEAR_DUPLICATE``) or whose headline is the same is never listed. The kept candidates
are ordered by lift × recency decay, the same section breaking near-ties. Editors' pins come first
and their exclusions never appear. What each pair shares is stored by id
(:mod:`articles.related.reasons` names it when a page is read).

Entities and tags named by more than ``COMMON_SHARE`` of the stories are evidence but find no
candidates (reading all their stories for every article would not fit the budget). An article left
with no list at all gets a second pass (``FALLBACK_SQL``) where they do find candidates, the
``POOL`` nearest in time among the strongest roles of each; those are scored and floored like any
other, so a story that only mentions a busy official still shows nothing.
"""

import json
import math
import weakref
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from articles.links import ENTITY_LINKS, links_union_sql
from articles.models import Article, RelatedArticle, RelatedOverride
from articles.related.terms import (
    NEAR_DUPLICATE,
    POSTINGS_PER_TERM,
    ROLE_WEIGHTS,
    count_chunk,
    index_terms,
    lock_articles,
    store_frequencies,
)
from newsroom.cache import bump_now_and_on_commit

TAG_WEIGHT = 0.5
#: Ordering bonus for the same section (a tie-breaker, never a reason to be related).
SECTION_BONUS = 0.05
RECENCY_FLOOR = 0.3
#: Below this relevance a candidate is not related (two unrelated wire stories on the same beat
#: share a few generic words and a big organization: a text cosine of about 0.05–0.10), unless the
#: story's own relatives vouch for it (SUPPORT_LIFT).
RELEVANCE_FLOOR = 0.12
#: ...nor below this share of the best candidate's lift (unless vouched for). A fifth, not a
#: quarter: in a cluster where one story retells another (lift 16), a third story of the same days
#: at 4 is still the event; unrelated candidates are already held back by MIN_LIFT.
RELATIVE_FLOOR = 0.2
#: A story's background similarity: the mean text cosine of its neighbours at these ranks (past
#: any cluster of stories about one event), ...
BACKGROUND_RANKS = (11, 30)
#: ...kept within these bounds (in a big archive the 11th neighbour may be a story on the same
#: beat; an unrelated pair of wire stories is rarely more alike than 0.06), ...
BACKGROUND_BOUNDS = (0.03, 0.06)
#: ...and this where a story has too few neighbours to tell (a young newsroom, where word
#: statistics say little: there shared entities alone may make stories related).
BACKGROUND_DEFAULT = 0.04
#: A candidate is related when its text cosine is at least this many times the background...
MIN_LIFT = 3.0
#: ...within this many days of each other (the days or weeks over which one event is reported); ...
EVENT_DAYS = 14.0
#: ...and further apart, MIN_LIFT once more for each this many days beyond them: a story on the same
#: beat a month later (a global report on the disease of a local outbreak, the next festival) shares
#: wording, not the event; a follow-up on the same event months on (an anniversary, a verdict)
#: shares the event's own names and words, and lifts far more.
EXTRA_LIFT_DAYS = 7.0
#: ...up to this many times MIN_LIFT (reached three weeks past EVENT_DAYS), however far apart
#: (unless one of the story's relatives carries the candidate over the weeks: the chain below).
MAX_TIME_FACTOR = 4.0
#: ...but not where both stories are about one specific subject (evidence E_about at least this:
#: a person both profile, the event both report), however far apart.
SAME_SUBJECT = 0.25
#: ...where shared entities and tags (evidence E in [0, 1)) multiply the lift by (1 + ENTITY_LIFT × E)...
ENTITY_LIFT = 1.0
#: ...or when its relevance is at least this, whatever the background.
STRONG_RELEVANCE = 0.35
#: A candidate of the same weeks with at least this lift (two thirds of MIN_LIFT), yet short of it
#: or of the relevance floor, is related all the same when VOUCHERS of the story's LEADERS
#: strongest relatives are each as alike to it as MIN_LIFT times the story's background: one story
#: of an event told from another side (the clinic, after the case counts) shares little wording with
#: some of the event's stories and much with others. A same-beat story elsewhere is vouched for by
#: none, or by one at most.
SUPPORT_LIFT = 2.0
LEADERS = 5
VOUCHERS = 2
#: An entity (or tag) in at most this share of the stories is as specific as evidence gets; one in
#: 10% of them (a busy official, a big organization) is a third as specific, one in all of them not at all.
SPECIFIC_SHARE = 0.001
#: Specificity is judged against an archive of at least this many stories: in a young newsroom a
#: person in all of its six stories is still someone most stories will not be about.
MIN_ARCHIVE = 200
#: ...and discounted by the share of stories naming it (out of at least this many): an organization
#: in every story of the archive says nothing, however young the archive.
SHARE_OF_AT_LEAST = 30
#: Below this specificity an entity or tag is no evidence at all (nor a reason given): one named by
#: about a sixth of the stories or more, such as the national Red Crescent in a humanitarian newsroom.
MIN_SPECIFICITY = 0.25
#: Entities and tags in more than this share of published articles add evidence but find no candidates.
COMMON_SHARE = 0.002
#: ...but below this many articles everything finds candidates (small newsrooms, tests).
COMMON_MIN = 200
#: Entity document frequencies are counted no further than this share of the archive (beyond it
#: an entity's specificity is near zero anyway).
DF_CAP_SHARE = 0.05
#: Candidates per article kept from each source (text, entities and tags) before the exact score.
POOL = 60
#: Text cosine from which a reason "Similar wording" is given.
SIMILAR_WORDING = 0.1  # at most RELEVANCE_FLOOR: a story listed for its wording says so
#: Most shared entities and tags stored (and so named) per related story.
SHARED_ITEMS = 5
PUBLISHED_TOTAL_CACHE_KEY = "articles:related:published-total"
PUBLISHED_TOTAL_SECONDS = 600
EXACT_COUNT_BELOW = 20_000

# The visibility rule of ``Article.objects.published()``, for the set-based SQL below; a test
# (tests/articles/test_related_scoring.py) proves both select the same articles.
PUBLISHED_SQL = (
    "{a}.status = 'published' AND {a}.published_at <= %(now)s AND NOT {a}.is_stub "
    "AND ({a}.unpublish_at IS NULL OR {a}.unpublish_at > %(now)s)"
)

_LINKS = links_union_sql()
_KIND_NAMES = "ARRAY[" + ", ".join(f"'{link.kind}'" for link in ENTITY_LINKS) + "]"
# A link's prominence as a rank (3 about, 2 quoted, 1 mentions), its weight and name by rank.
_RANK = "CASE {r} WHEN 'about' THEN 3 WHEN 'quoted' THEN 2 ELSE 1 END"
_WEIGHT = "(ARRAY[%(w_mentions)s, %(w_quoted)s, %(w_about)s]::float8[])[{rank}]"
_ROLE = "(ARRAY['mentions', 'quoted', 'about'])[{rank}]"


def _entity_df_sql() -> str:
    """How many stories link each entity, counted no further than the cap."""
    cases = " ".join(
        f"WHEN {link.number} THEN (SELECT count(*) FROM (SELECT 1 FROM {link.table} x "  # noqa: S608
        f"WHERE x.{link.entity_column} = e.eid LIMIT %(df_cap)s) z)"
        for link in ENTITY_LINKS
    )
    return f"CASE e.k {cases} END"


_SPECIFICITY = (
    "LEAST(1, GREATEST(0, ln((%(archive)s + 1)::float8 / ({df} + 1)) / ln(%(specific)s)))"
    " * GREATEST(0, 1 - {df}::float8 / %(share_of)s)"
)

SCORE_HEAD = f"""
WITH src AS MATERIALIZED (
    SELECT a.id, a.section_id, a.published_at AS at, lower(a.headline) AS lhead
    FROM articles_article a WHERE a.id = ANY(%(ids)s)
),
src_ent AS MATERIALIZED (
    SELECT l.article_id AS src, l.k, l.eid, max({_RANK.format(r="l.role")}) AS rank
    FROM ({_LINKS}) l WHERE l.article_id = ANY(%(ids)s) GROUP BY 1, 2, 3
),
ent AS MATERIALIZED (
    SELECT e.k, e.eid, {_entity_df_sql()} AS df FROM (SELECT DISTINCT k, eid FROM src_ent) e
),
src_tag AS MATERIALIZED (
    SELECT t.object_id AS src, t.tag_id FROM taggit_taggeditem t
    WHERE t.content_type_id = %(ct)s AND t.object_id = ANY(%(ids)s)
),
tag AS MATERIALIZED (
    SELECT s.tag_id, (SELECT count(*) FROM (SELECT 1 FROM taggit_taggeditem x
                      WHERE x.tag_id = s.tag_id AND x.content_type_id = %(ct)s LIMIT %(df_cap)s) z) AS df
    FROM (SELECT DISTINCT tag_id FROM src_tag) s
),
"""  # noqa: S608 (constant fragments; values are bound parameters)

STRUCTURAL = f"""structural AS MATERIALIZED (
    -- Candidates found by a specific entity or tag (a common one adds evidence below, finds none).
    SELECT s.src, l.article_id AS cand,
           {_WEIGHT.format(rank="s.rank")} * {_WEIGHT.format(rank=_RANK.format(r="l.role"))}
             * power({_SPECIFICITY.format(df="e.df")}, 2) AS part
    FROM src_ent s
    JOIN ent e ON e.k = s.k AND e.eid = s.eid AND e.df <= %(common)s
    JOIN ({_LINKS}) l ON l.k = s.k AND l.eid = s.eid AND l.article_id <> s.src
    UNION ALL
    SELECT s.src, t.object_id, %(w_tag)s * power({_SPECIFICITY.format(df="g.df")}, 2)
    FROM src_tag s
    JOIN tag g ON g.tag_id = s.tag_id AND g.df <= %(common)s
    JOIN taggit_taggeditem t ON t.tag_id = s.tag_id AND t.content_type_id = %(ct)s AND t.object_id <> s.src
),
"""  # noqa: S608

_CHAIN = """{name} AS MATERIALIZED (
    SELECT DISTINCT src, cand, published_at FROM (
        SELECT w.src, w.cand, w.published_at
        FROM (
            SELECT src, cand, bg, published_at,
                   row_number() OVER (PARTITION BY src ORDER BY lift DESC, cand DESC) AS r
            FROM gated g
            WHERE NOT passes AND measured AND days_apart > %(grace_days)s AND lift >= %(min_lift)s
              AND relevance >= %(relevance_floor)s{unless}
        ) w
        JOIN {via} l ON l.src = w.src AND l.cand <> w.cand
        CROSS JOIN LATERAL (
            SELECT abs(extract(epoch FROM w.published_at - l.published_at)::float8) / 86400.0 AS days
        ) d
        JOIN articles_articleterm x ON x.article_id = w.cand AND x.term <> ''
        JOIN articles_articleterm y ON y.article_id = l.cand AND y.term = x.term
        -- (each link within the weeks the time rule still weighs: beyond them a pair passes by
        -- sheer likeness, which a roundup or a yearly report has with a whole event)
        WHERE w.r <= %(leaders)s AND d.days <= %(grace_days)s + (%(max_extra)s - 1) * %(step_days)s
        GROUP BY w.src, w.cand, w.published_at, l.cand, w.bg, d.days
        HAVING sum(x.weight * y.weight) >= %(min_lift)s * w.bg
                 * LEAST(%(max_extra)s, 1 + GREATEST(0, d.days - %(grace_days)s) / %(step_days)s)
    ) z
),
"""
_CHAINED = (
    # ...and carry a story over the weeks: a candidate further apart than EVENT_DAYS, held back by
    # the time rule only (its own lift at least MIN_LIFT), is related when one of them is as alike
    # to it as the time rule asks at their own distance (the trial, between the warehouse found and
    # the verdict). A same-beat story weeks later is a relative of none of the story's relatives.
    # (the LEADERS strongest such candidates, at most LEADERS x LEADERS pairs per story)
    _CHAIN.format(name="chained", via="leaders", unless="")
    # One link further, through those (the queue at the pharmacies, two days after the warehouse,
    # to the verdict six weeks on, through the trial): only stories that have a chained relative.
    + _CHAIN.format(
        name="chained_on",
        via="chained",
        unless=" AND NOT EXISTS (SELECT 1 FROM chained c WHERE c.src = g.src AND c.cand = g.cand)",
    )
)

SCORE_TAIL = f"""struct_pool AS MATERIALIZED (
    SELECT src, cand FROM (
        SELECT src, cand, row_number() OVER (PARTITION BY src ORDER BY sum(part) DESC, cand DESC) AS r
        FROM structural GROUP BY src, cand
    ) z WHERE r <= %(pool)s
),
text_hits AS MATERIALIZED (
    -- Story by story, the articles where its stems weigh most (a bounded read of each stem's
    -- postings) ranked by what they share: the POOL best, and what the structural candidates share.
    SELECT s.id AS src, h.cand, h.part, h.r
    FROM src s
    CROSS JOIN LATERAL (
        SELECT g.cand, g.part, row_number() OVER (ORDER BY g.part DESC, g.cand DESC) AS r
        FROM (
            SELECT p.article_id AS cand, sum(t.weight * p.weight) AS part
            FROM articles_articleterm t
            CROSS JOIN LATERAL (
                SELECT x.article_id, x.weight FROM articles_articleterm x
                WHERE x.term = t.term AND x.article_id <> t.article_id
                ORDER BY x.weight DESC LIMIT %(postings)s
            ) p
            WHERE t.article_id = s.id AND t.term <> ''
            GROUP BY p.article_id
        ) g
    ) h
    -- (A hashed lookup: the structural candidates are a few per story.)
    WHERE h.r <= %(pool)s OR (s.id, h.cand) IN (SELECT src, cand FROM struct_pool)
),
pool AS MATERIALIZED (
    SELECT src, cand FROM text_hits WHERE r <= %(pool)s
    UNION
    SELECT src, cand FROM struct_pool
),
cand AS MATERIALIZED (
    SELECT p.src, p.cand, c.published_at, c.section_id = s.section_id AS same_section,
           %(floor)s + (1 - %(floor)s) * power(
               0.5::float8, abs(extract(epoch FROM c.published_at - s.at)::float8) / 86400.0 / %(half_life)s
           ) AS decay,
           abs(extract(epoch FROM c.published_at - s.at)::float8) / 86400.0 AS days_apart
    FROM pool p
    JOIN src s ON s.id = p.src
    JOIN articles_article c ON c.id = p.cand
    WHERE {PUBLISHED_SQL.format(a="c")}
      AND lower(c.headline) <> s.lhead
      AND c.published_at BETWEEN s.at - %(max_age_interval)s AND s.at + %(max_age_interval)s
      AND NOT EXISTS (
          SELECT 1 FROM articles_relatedoverride o
          WHERE o.article_id = p.src AND o.related_id = p.cand AND o.kind = 'exclude'
      )
),
cand_link AS MATERIALIZED (
    -- Each candidate's own links, read by article: never through every story of a busy entity.
    SELECT c.src, c.cand, l.k, l.eid, l.role
    FROM cand c CROSS JOIN LATERAL (SELECT * FROM ({_LINKS}) x WHERE x.article_id = c.cand OFFSET 0) l
),
shared_ent AS (
    -- Every entity both link, with each side's strongest role.
    SELECT l.src, l.cand, s.k, s.eid, s.rank AS rank_a, max({_RANK.format(r="l.role")}) AS rank_c,
           {_SPECIFICITY.format(df="e.df")} AS spec
    FROM cand_link l
    JOIN src_ent s ON s.src = l.src AND s.k = l.k AND s.eid = l.eid
    JOIN ent e ON e.k = s.k AND e.eid = s.eid
    GROUP BY l.src, l.cand, s.k, s.eid, s.rank, e.df
),
shared_item AS (
    SELECT src, cand, jsonb_build_object(
               'kind', ({_KIND_NAMES})[k], 'id', eid,
               'ra', {_ROLE.format(rank="rank_a")}, 'rc', {_ROLE.format(rank="rank_c")},
               'w', round(p::numeric, 4)
           ) AS item, p
    FROM (SELECT *, {_WEIGHT.format(rank="rank_a")} * {_WEIGHT.format(rank="rank_c")} * spec * spec AS p
          FROM shared_ent WHERE spec >= %(min_specificity)s) x
    UNION ALL
    SELECT c.src, c.cand, jsonb_build_object('kind', 'tag', 'id', s.tag_id, 'w', round(p::numeric, 4)), p
    FROM cand c
    JOIN src_tag s ON s.src = c.src
    JOIN tag g ON g.tag_id = s.tag_id
    JOIN taggit_taggeditem t ON t.tag_id = s.tag_id AND t.content_type_id = %(ct)s AND t.object_id = c.cand
    CROSS JOIN LATERAL (SELECT {_SPECIFICITY.format(df="g.df")} AS spec) g2
    CROSS JOIN LATERAL (SELECT %(w_tag)s * spec * spec AS p) w
    WHERE g2.spec >= %(min_specificity)s
),
evidence AS (
    SELECT src, cand, 1 - exp(sum(ln(1 - LEAST(p, 0.99)))) AS e,
           -- What both stories are about (subjects on both sides, and tags): the evidence that
           -- lifts shared wording. A busy official quoted in both is not.
           1 - exp(sum(ln(1 - LEAST(p, 0.99))) FILTER (
               WHERE item->>'kind' = 'tag' OR (item->>'ra' = 'about' AND item->>'rc' = 'about')
           )) AS e_about,
           (array_agg(item ORDER BY p DESC, item->>'kind', (item->>'id')::bigint))[1:%(items)s] AS items
    FROM shared_item GROUP BY src, cand
),
background AS MATERIALIZED (
    -- How alike this story is to stories it has nothing to do with: the mean cosine of its
    -- 11th-30th nearest texts (past any cluster it belongs to), within sane bounds.
    SELECT src, avg(part) AS bg FROM text_hits WHERE r BETWEEN %(bg_from)s AND %(bg_to)s GROUP BY src
),
scored AS (
    SELECT c.src, c.cand, c.published_at, c.same_section, c.decay, c.days_apart, COALESCE(ts.t, 0) AS t,
           COALESCE(ev.items, ARRAY[]::jsonb[]) AS items,
           1 - (1 - LEAST(COALESCE(ts.t, 0), 1)) * (1 - COALESCE(ev.e, 0)) AS relevance,
           -- The text's lift over that background, amplified by shared entities and tags: a
           -- shared busy official with no shared wording is no reason to be related.
           GREATEST(COALESCE(ts.t, 0), b.bg) / b.bg * (1 + %(entity_lift)s * COALESCE(ev.e_about, 0)) AS lift,
           COALESCE(ev.e_about, 0) AS e_about,
           m.measured IS NOT NULL AS measured, b.bg
    FROM cand c
    LEFT JOIN (SELECT src, bg AS measured FROM background) m ON m.src = c.src
    CROSS JOIN LATERAL (
        SELECT LEAST(%(bg_max)s, GREATEST(%(bg_min)s, COALESCE(m.measured, %(bg_default)s))) AS bg
    ) b
    -- The cosine from the postings read: exact for every stem where the candidate is among the
    -- articles it weighs most in (the specific ones); a common stem's tail adds next to nothing.
    LEFT JOIN (SELECT src, cand, part AS t FROM text_hits) ts ON ts.src = c.src AND ts.cand = c.cand
    LEFT JOIN evidence ev ON ev.src = c.src AND ev.cand = c.cand
    WHERE COALESCE(ts.t, 0) < %(near_duplicate)s
),
gated AS (
    SELECT *,
           -- Past the weeks one event is covered, more is needed for each week apart, unless both
           -- stories are about the same specific subject (a person profiled twice, one event).
           (GREATEST(lift / %(min_lift)s, relevance / %(strong)s)
              >= CASE WHEN e_about >= %(same_subject)s THEN 1
                      ELSE LEAST(%(max_extra)s, 1 + GREATEST(0, days_apart - %(grace_days)s) / %(step_days)s)
                 END
            OR NOT measured) AND relevance >= %(relevance_floor)s AS passes,
           (days_apart <= %(grace_days)s OR e_about >= %(same_subject)s) AS near
    FROM scored
    WHERE relevance >= %(relevance_floor)s
       -- (below the floor only what may be vouched for: same weeks, some lift)
       OR (measured AND days_apart <= %(grace_days)s AND lift >= %(support_lift)s)
),
leaders AS MATERIALIZED (
    -- The story's strongest relatives by the rules above...
    SELECT src, cand, r, bg, measured, e_about, published_at FROM (
        SELECT src, cand, bg, measured, e_about, published_at,
               row_number() OVER (PARTITION BY src ORDER BY lift DESC, cand DESC) AS r
        FROM gated WHERE passes
    ) z WHERE r <= %(leaders)s
),
roundup AS MATERIALIZED (
    -- A story whose best relative is not alike to any of its other strong ones (not even
    -- SUPPORT_LIFT times its background) reached them through different subjects, each a small
    -- part of it (a year's awards naming a quake team and an eye camp): it shows its best only.
    -- (Where the background cannot be measured, words say too little to tell; and relatives that
    -- share a specific subject with the story, SAME_SUBJECT, are of that subject, alike or not.)
    SELECT b.src, b.cand AS best FROM leaders b
    WHERE b.r = 1 AND b.measured AND EXISTS (SELECT 1 FROM leaders o WHERE o.src = b.src AND o.r > 1)
      AND NOT EXISTS (SELECT 1 FROM leaders o WHERE o.src = b.src AND o.e_about >= %(same_subject)s)
      AND NOT EXISTS (
          SELECT 1 FROM leaders o
          JOIN articles_articleterm x ON x.article_id = b.cand AND x.term <> ''
          JOIN articles_articleterm y ON y.article_id = o.cand AND y.term = x.term
          WHERE o.src = b.src AND o.r > 1
          GROUP BY o.cand HAVING sum(x.weight * y.weight) >= %(support_lift)s * b.bg
      )
),
vouched AS MATERIALIZED (
    -- ...vouch for a candidate of the same weeks that falls short (SUPPORT_LIFT): one whose text
    -- stands out of the story's background as much from each of VOUCHERS of them (a reportage
    -- from the clinic of an outbreak shares little wording with the minister's visit, much with
    -- the case counts). A few pairs of stored vectors, read by primary key.
    -- (the LEADERS strongest of those short candidates: a bounded number of pairs per story)
    SELECT src, cand FROM (
        SELECT w.src, w.cand
        FROM (
            SELECT src, cand, bg, row_number() OVER (PARTITION BY src ORDER BY lift DESC, cand DESC) AS r
            FROM gated
            WHERE NOT passes AND measured AND days_apart <= %(grace_days)s AND lift >= %(support_lift)s
        ) w
        JOIN leaders l ON l.src = w.src AND l.cand <> w.cand
        JOIN articles_articleterm x ON x.article_id = w.cand AND x.term <> ''
        JOIN articles_articleterm y ON y.article_id = l.cand AND y.term = x.term
        WHERE w.r <= %(leaders)s
        GROUP BY w.src, w.cand, l.cand, w.bg
        HAVING sum(x.weight * y.weight) >= %(min_lift)s * w.bg
    ) z GROUP BY src, cand HAVING count(*) >= %(vouchers)s
),
{_CHAINED}judged AS (
    SELECT g.*, (g.passes OR v.cand IS NOT NULL OR ch.cand IS NOT NULL)
                  AND (u.best IS NULL OR u.best = g.cand) AS related,
           v.cand IS NOT NULL AS vouched, g.relevance >= %(relevance_floor)s AS floor_ok
    FROM gated g
    LEFT JOIN vouched v ON v.src = g.src AND v.cand = g.cand
    LEFT JOIN (SELECT src, cand FROM chained UNION SELECT src, cand FROM chained_on) ch
           ON ch.src = g.src AND ch.cand = g.cand
    LEFT JOIN roundup u ON u.src = g.src
),
floored AS (
    SELECT *, max(lift) FILTER (WHERE related) OVER (PARTITION BY src) AS best,
           bool_or(related) OVER (PARTITION BY src) AS any_passes,
           row_number() OVER (
               PARTITION BY src ORDER BY floor_ok DESC, near DESC, lift * decay DESC, cand DESC
           ) AS closest
    FROM judged
),
ordered AS (
    SELECT *, lift * decay * (1 + CASE WHEN same_section THEN %(section_bonus)s ELSE 0 END) AS score
    FROM floored
    -- (one the story's relatives vouch for is not a weak candidate beside its best one)
    WHERE (related AND (vouched OR lift >= %(relative_floor)s * best))
       -- Nothing lifts: the one closest candidate of the same weeks (or subject), never a list.
       OR (NOT any_passes AND near AND floor_ok AND closest = 1)
),
ranked AS (
    SELECT src, cand, score,
           to_jsonb(items)
             || CASE WHEN t >= %(similar)s
                     THEN jsonb_build_array(jsonb_build_object('kind', 'text', 'w', round(t::numeric, 4)))
                     ELSE '[]'::jsonb END
             || CASE WHEN same_section THEN '[{{"kind": "section"}}]'::jsonb ELSE '[]'::jsonb END AS shared,
           row_number() OVER (
               PARTITION BY src ORDER BY score DESC, published_at DESC, cand DESC
           ) AS rank
    FROM ordered
)
SELECT src, cand, rank, score, shared FROM ranked WHERE rank <= %(limit)s ORDER BY src, rank
"""  # noqa: S608

FALLBACK_STRUCTURAL = """structural AS MATERIALIZED (
    -- The second pass for an article left with no list: candidates through the entities and tags
    -- too common to find any in the first pass (yet still evidence), the nearest in time among the
    -- strongest roles, POOL of them per entity or tag; scored and floored like any other candidate.
    SELECT s.src, f.cand, {w_a} * {w_c} * power({spec_e}, 2) AS part
    FROM src_ent s
    JOIN src x ON x.id = s.src
    JOIN ent e ON e.k = s.k AND e.eid = s.eid AND e.df > %(common)s
    CROSS JOIN LATERAL (
        SELECT l.article_id AS cand, {rank_l} AS rank_c FROM ({links}) l
        JOIN articles_article c ON c.id = l.article_id
        WHERE l.k = s.k AND l.eid = s.eid AND l.article_id <> s.src
          AND {published_c}
          AND c.published_at BETWEEN x.at - %(max_age_interval)s AND x.at + %(max_age_interval)s
        ORDER BY {rank_l} DESC, abs(extract(epoch FROM c.published_at - x.at)), l.article_id DESC
        LIMIT %(pool)s
    ) f
    WHERE {spec_e} >= %(min_specificity)s
    UNION ALL
    SELECT s.src, f.cand, %(w_tag)s * power({spec_g}, 2)
    FROM src_tag s
    JOIN src x ON x.id = s.src
    JOIN tag g ON g.tag_id = s.tag_id AND g.df > %(common)s
    CROSS JOIN LATERAL (
        SELECT t.object_id AS cand FROM taggit_taggeditem t
        JOIN articles_article c ON c.id = t.object_id
        WHERE t.tag_id = s.tag_id AND t.content_type_id = %(ct)s AND t.object_id <> s.src
          AND {published_c}
          AND c.published_at BETWEEN x.at - %(max_age_interval)s AND x.at + %(max_age_interval)s
        ORDER BY abs(extract(epoch FROM c.published_at - x.at)), t.object_id DESC
        LIMIT %(pool)s
    ) f
    WHERE {spec_g} >= %(min_specificity)s
),
""".format(  # noqa: S608 (constant fragments; values are bound parameters)
    links=_LINKS,
    published_c=PUBLISHED_SQL.format(a="c"),
    rank_l=_RANK.format(r="l.role"),
    spec_e=_SPECIFICITY.format(df="e.df"),
    spec_g=_SPECIFICITY.format(df="g.df"),
    w_a=_WEIGHT.format(rank="s.rank"),
    w_c=_WEIGHT.format(rank="f.rank_c"),
)

SCORE_SQL = SCORE_HEAD + STRUCTURAL + SCORE_TAIL
#: The same scoring, with candidates found through common entities and tags only (see ``_fill_empty``).
FALLBACK_SQL = SCORE_HEAD + FALLBACK_STRUCTURAL + SCORE_TAIL


STORE_SQL = f"""
INSERT INTO articles_relatedarticle (article_id, related_id, rank, score, shared, pinned, computed_at)
SELECT src, cand, rank, score, shared, false, %(now)s FROM ({SCORE_SQL}) scored
"""  # noqa: S608 (constant SQL; values are bound parameters)

FALLBACK_STORE_SQL = f"""
INSERT INTO articles_relatedarticle (article_id, related_id, rank, score, shared, pinned, computed_at)
SELECT src, cand, rank, score, shared, false, %(now)s FROM ({FALLBACK_SQL}) scored
"""  # noqa: S608 (constant SQL; values are bound parameters)


@dataclass
class Scored:
    article_id: int
    related_id: int
    rank: int
    score: float
    shared: list[dict]


def published_total() -> int:
    """How many articles are published, for rarity weights.

    Counted exactly in a small newsroom (cheap); above ``EXACT_COUNT_BELOW`` rows the count is
    cached for ``PUBLISHED_TOTAL_SECONDS``: a 100,000-article count costs more than a whole
    recomputation, and rarity barely moves in ten minutes.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'articles_article'::regclass")
        estimate = cursor.fetchone()[0]
    if estimate < EXACT_COUNT_BELOW:
        return Article.objects.published().count()
    total = cache.get(PUBLISHED_TOTAL_CACHE_KEY)
    if total is None:
        total = Article.objects.published().count()
        cache.set(PUBLISHED_TOTAL_CACHE_KEY, total, PUBLISHED_TOTAL_SECONDS)
    return total


def _common_limit(published: int) -> int:
    return max(COMMON_MIN, math.ceil(COMMON_SHARE * published))


def _params(ids: list[int], limit: int, total: int) -> dict:
    return {
        "total": total,
        "ids": ids,
        "now": timezone.now(),
        "ct": ContentType.objects.get_for_model(Article).pk,
        "w_about": ROLE_WEIGHTS["about"],
        "w_quoted": ROLE_WEIGHTS["quoted"],
        "w_mentions": ROLE_WEIGHTS["mentions"],
        "w_tag": TAG_WEIGHT,
        "section_bonus": SECTION_BONUS,
        "floor": RECENCY_FLOOR,
        "half_life": float(settings.NEWSROOM_RELATED_HALF_LIFE_DAYS),
        "max_age_interval": timedelta(days=settings.NEWSROOM_RELATED_MAX_AGE_DAYS),
        "common": _common_limit(total),
        "df_cap": max(_common_limit(total) + 1, math.ceil(DF_CAP_SHARE * total)),
        "postings": POSTINGS_PER_TERM,
        "pool": POOL,
        "similar": SIMILAR_WORDING,
        "near_duplicate": NEAR_DUPLICATE,
        "relevance_floor": RELEVANCE_FLOOR,
        "relative_floor": RELATIVE_FLOOR,
        "bg_from": BACKGROUND_RANKS[0],
        "bg_to": BACKGROUND_RANKS[1],
        "bg_min": BACKGROUND_BOUNDS[0],
        "bg_max": BACKGROUND_BOUNDS[1],
        "bg_default": BACKGROUND_DEFAULT,
        "entity_lift": ENTITY_LIFT,
        "min_lift": MIN_LIFT,
        "grace_days": EVENT_DAYS,
        "step_days": EXTRA_LIFT_DAYS,
        "max_extra": MAX_TIME_FACTOR,
        "same_subject": SAME_SUBJECT,
        "strong": STRONG_RELEVANCE,
        "support_lift": SUPPORT_LIFT,
        "leaders": LEADERS,
        "vouchers": VOUCHERS,
        "items": SHARED_ITEMS,
        "specific": 1 / SPECIFIC_SHARE,
        "archive": max(total, MIN_ARCHIVE),
        "share_of": max(total, SHARE_OF_AT_LEAST),
        "min_specificity": MIN_SPECIFICITY,
        "limit": limit,
    }


#: Server-side prepared scoring statements, by raw connection: one article's recompute (an edit, a
#: background task) skips planning the large statement, which costs more than running it.
_PREPARED: "weakref.WeakKeyDictionary[object, set[str]]" = weakref.WeakKeyDictionary()


def _sql_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float8"
    if isinstance(value, list):
        return "bigint[]"
    if isinstance(value, timedelta):
        return "interval"
    return "timestamptz"


def _set_local(cursor, **settings_: str) -> None:
    """Set PostgreSQL settings until the transaction ends, in one round trip."""
    calls = ", ".join(f"set_config('{name}', %({name})s, true)" for name in settings_)
    cursor.execute(f"SELECT {calls}", settings_)


# No JIT compilation for the scoring statements: their estimated cost is far above
# ``jit_above_cost``, and compiling them took longer than running them (125 ms of JIT for a 24 ms
# statement, 2.8 s for a batch of 100). A batch sorts and groups hundreds of thousands of rows: in
# memory, not on disk.
BATCH_SETTINGS = {"jit": "off", "work_mem": "64MB"}


def _execute_prepared(cursor, name: str, sql: str, params: dict) -> None:
    """Run ``sql`` (with ``%(name)s`` placeholders) as the prepared statement ``name``, preparing it
    once per database connection; the same result as ``cursor.execute(sql, params)``."""
    names = sorted(params)
    raw = connection.connection
    prepared = _PREPARED.setdefault(raw, set())
    if name not in prepared:
        positional = sql
        for i, key in enumerate(names, start=1):
            positional = positional.replace(f"%({key})s", f"${i}")
        types = ", ".join(_sql_type(params[key]) for key in names)
        cursor.execute(f"PREPARE {name} ({types}) AS {positional}")
        prepared.add(name)
    # One plan for every article: planning it anew each time costs more than running it.
    _set_local(cursor, plan_cache_mode="force_generic_plan", jit="off")
    cursor.execute(f"EXECUTE {name} ({', '.join(f'%({key})s' for key in names)})", params)


def score_articles(ids: list[int], limit: int | None = None, *, total: int | None = None) -> list[Scored]:
    """Top related published articles for each of ``ids``, best first, editors' exclusions removed.

    Reads the stored terms: call :func:`~articles.related.terms.index_terms` first for articles
    whose text changed.
    """
    limit = limit or settings.NEWSROOM_RELATED_LIMIT
    if not ids:
        return []
    with transaction.atomic(), connection.cursor() as cursor:
        if len(ids) > 1:
            _set_local(cursor, **BATCH_SETTINGS)
        params = _params(list(ids), limit, total if total is not None else published_total())
        if len(ids) == 1:
            _execute_prepared(cursor, "related_score_one", SCORE_SQL, params)
        else:
            cursor.execute(SCORE_SQL, params)
        rows = cursor.fetchall()
        empty = sorted(set(ids) - {row[0] for row in rows})
        if empty and params["total"] > params["common"]:
            # Left with nothing: look again through the entities and tags too common to find
            # candidates (only possible once the archive is larger than the common limit).
            cursor.execute(FALLBACK_SQL, {**params, "ids": empty})
            rows = sorted([*rows, *cursor.fetchall()], key=lambda row: (row[0], row[2]))
    # Django's connection hands JSON back as text; the ORM would decode it, a raw cursor does not.
    return [
        Scored(src, cand, rank, float(score), json.loads(shared) if isinstance(shared, str) else list(shared))
        for src, cand, rank, score, shared in rows
    ]


def related_queryset(article: Article):
    """What an article page shows: stored entries whose related article is public now."""
    return (
        RelatedArticle.objects.filter(article=article, related__in=Article.objects.published())
        .select_related("related", "related__section")
        .defer("related__search_vector")
        .order_by("rank")
    )


def related_lists_changed(article_ids) -> None:
    """The stored lists of these articles were written: what showed them is out of date
    (``related:<id>``: the related block on their pages, ``newsroom.fragments``)."""
    bump_now_and_on_commit(f"related:{pk}" for pk in article_ids)


def compute_related(
    article: Article, limit: int | None = None, *, total: int | None = None
) -> list[tuple[Article, float, list[dict], bool]]:
    """Score published articles against ``article``; return (article, score, shared, pinned) best first."""
    limit = limit or settings.NEWSROOM_RELATED_LIMIT
    scored = score_articles([article.pk], limit=limit, total=total)
    overrides = list(
        RelatedOverride.objects.filter(article=article, kind=RelatedOverride.Kind.PIN).order_by(
            "position", "id"
        )
    )
    pinned_ids = [o.related_id for o in overrides if o.related_id != article.pk]
    by_id = {s.related_id: s for s in scored}
    visible = Article.objects.published().in_bulk([*pinned_ids, *by_id])
    results: list[tuple[Article, float, list[dict], bool]] = []
    for pk in pinned_ids:
        if pk in visible:
            found = by_id.get(pk)
            shared = [{"kind": "pin"}, *(found.shared if found else [])]
            results.append((visible[pk], found.score if found else 0.0, shared, True))
    for s in scored:
        if s.related_id in visible and s.related_id not in pinned_ids:
            results.append((visible[s.related_id], s.score, s.shared, False))
    return results[:limit]


def _store(article: Article, *, total: int | None = None) -> int:
    rows = compute_related(article, total=total)
    RelatedArticle.objects.filter(article=article).delete()
    RelatedArticle.objects.bulk_create(
        RelatedArticle(article=article, related=other, rank=rank, score=score, shared=shared, pinned=pinned)
        for rank, (other, score, shared, pinned) in enumerate(rows, start=1)
    )
    related_lists_changed([article.pk])
    return len(rows)


@transaction.atomic
def related_rebuild(*, article: Article, reindex: bool = True) -> int:
    """Recompute and store ``article``'s related posts (its terms first); returns how many were stored.

    Holds the article's advisory lock, so two workers recomputing it at once wait for each other
    instead of colliding on ``related_unique_pair``.
    """
    total = published_total()
    if reindex:
        index_terms([article.pk], total=total)
    else:
        lock_articles([article.pk])
    return _store(article, total=total)


def related_rebuild_many(ids: list[int], *, reindex: list[int] | tuple[int, ...] = ()) -> int:
    """Recompute and store the related posts of many articles with one scoring query; returns rows stored.

    ``reindex`` are the articles whose text changed: their terms are recomputed first. Articles
    with editors' pins go through :func:`_store` (pins are few and ordered by hand).
    """
    if not ids and not reindex:
        return 0
    stored = 0
    with transaction.atomic():
        total = published_total()
        if reindex:
            index_terms(reindex, total=total)
        lock_articles(ids)
        pinned = set(
            RelatedOverride.objects.filter(article_id__in=ids, kind=RelatedOverride.Kind.PIN).values_list(
                "article_id", flat=True
            )
        )
        plain = [pk for pk in ids if pk not in pinned]
        RelatedArticle.objects.filter(article_id__in=ids).delete()
        if plain:
            with connection.cursor() as cursor:
                _set_local(cursor, **BATCH_SETTINGS)
                params = _params(plain, settings.NEWSROOM_RELATED_LIMIT, total)
                cursor.execute(STORE_SQL, params)
                stored += cursor.rowcount
                if total > params["common"]:
                    stored += _fill_empty(cursor, params)
            related_lists_changed(plain)
        for article in Article.objects.filter(pk__in=pinned):
            stored += _store(article, total=total)
    return stored


def _fill_empty(cursor, params: dict) -> int:
    """Second pass of a batch: the articles left with no list, through their common entities and tags.

    An article every entity of which is named in too many stories to find candidates
    (``COMMON_SHARE``) still has evidence in them; it is scored like any other and the floors stay,
    so a list is filled only with stories relevant enough.
    """
    cursor.execute(
        "SELECT u.id FROM unnest(%(ids)s::bigint[]) AS u(id) "
        "WHERE NOT EXISTS (SELECT 1 FROM articles_relatedarticle r WHERE r.article_id = u.id)",
        params,
    )
    empty = [row[0] for row in cursor.fetchall()]
    if not empty:
        return 0
    cursor.execute(FALLBACK_STORE_SQL, {**params, "ids": empty})
    return cursor.rowcount


def _index_chunk(ids: list[int]) -> None:
    from django.db import connections

    try:
        with transaction.atomic():
            index_terms(ids, total=published_total(), count_new=False)
    finally:
        connections.close_all()


def _rebuild_chunk(ids: list[int]) -> int:
    """One worker's share of a full rebuild (a separate process has its own connection)."""
    from django.db import connections

    try:
        return related_rebuild_many(ids)
    finally:
        connections.close_all()


def _count_chunk(ids: list[int]) -> list[tuple[str, int]]:
    from django.db import connections

    try:
        return count_chunk(ids)
    finally:
        connections.close_all()


def related_rebuild_all(*, chunk_size: int = 500, workers: int = 1, progress=None) -> int:
    """Count term frequencies, index every article's terms, then recompute every published article's
    related posts in chunks; returns the articles done.

    ``workers`` > 1 runs chunks in that many processes at once (one per core), the counting of
    term frequencies too. ``progress`` wraps the iterable of finished chunks, for a progress bar.
    """
    cache.delete(PUBLISHED_TOTAL_CACHE_KEY)
    every = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    ids = list(Article.objects.published().order_by("pk").values_list("pk", flat=True))
    # Stored lists of articles that are no longer public are never shown; drop them.
    RelatedArticle.objects.exclude(article__in=Article.objects.published()).delete()
    index_chunks = [every[i : i + chunk_size] for i in range(0, len(every), chunk_size)]
    chunks = [ids[i : i + chunk_size] for i in range(0, len(ids), chunk_size)]
    wrap = progress or (lambda items, total: items)
    counts: Counter[str] = Counter()
    if workers <= 1 or len(chunks) <= 1:
        for chunk in index_chunks:
            counts.update(dict(count_chunk(chunk)))
        with transaction.atomic():
            store_frequencies(counts, len(every))
        for chunk in index_chunks:
            with transaction.atomic():
                index_terms(chunk, total=published_total(), count_new=False)
        _analyze_terms()
        for _done in wrap((related_rebuild_many(chunk) for chunk in chunks), len(chunks)):
            pass
        return len(ids)
    import multiprocessing

    from django.db import connections

    connections.close_all()  # each process opens its own connection
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for part in pool.imap_unordered(_count_chunk, index_chunks):
            counts.update(dict(part))
        with transaction.atomic():
            store_frequencies(counts, len(every))
        connections.close_all()
        for _done in pool.imap_unordered(_index_chunk, index_chunks):
            pass
        _analyze_terms()
        connections.close_all()
        for _done in wrap(pool.imap_unordered(_rebuild_chunk, chunks), len(chunks)):
            pass
    return len(ids)


def _analyze_terms() -> None:
    """Fresh planner statistics after rewriting every posting (else a scan of one article's terms
    may be planned as a scan of the whole table), and a fresh visibility map: the postings are read
    by index-only scans, which otherwise fetch every posting's row from the table as well (at
    100,000 articles: 600,000 row fetches per 100 articles scored, twice the time)."""
    with connection.cursor() as cursor:
        if connection.in_atomic_block:  # VACUUM cannot run in a transaction (a test's, say)
            cursor.execute("ANALYZE articles_articleterm, articles_termfrequency")
        else:
            cursor.execute("VACUUM (ANALYZE) articles_articleterm, articles_termfrequency")


def articles_to_refresh(article: Article) -> list[int]:
    """Ids of other articles whose related posts may change with this one.

    Those linked to a specific person, organization or event this article links (one in so many
    stories that it finds no candidates is left out, see ``COMMON_SHARE``), those this article
    lists (text neighbours are mostly mutual), and those already listing it.
    """
    common = _common_limit(published_total())
    ids: set[int] = set()
    for link in ENTITY_LINKS:
        model, attr = link.link_model, link.field
        entity_ids = list(model.objects.filter(article=article).values_list(f"{attr}_id", flat=True))
        specific = (
            model.objects.filter(**{f"{attr}_id__in": entity_ids})
            .values(f"{attr}_id")
            .annotate(n=Count("article_id", distinct=True))
            .filter(n__lte=common)
            .values_list(f"{attr}_id", flat=True)
        )
        ids |= set(model.objects.filter(**{f"{attr}_id__in": specific}).values_list("article_id", flat=True))
    ids |= set(RelatedArticle.objects.filter(related=article).values_list("article_id", flat=True))
    ids |= set(RelatedArticle.objects.filter(article=article).values_list("related_id", flat=True))
    ids.discard(article.pk)
    return sorted(ids)


#: The name it had before text neighbours were added (kept for callers outside this package).
articles_sharing_entities = articles_to_refresh
