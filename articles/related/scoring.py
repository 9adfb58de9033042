"""Related posts: scored in PostgreSQL off-request, stored, and read by pages with one indexed query.

The score of a candidate C for an article A (both published, C not A, not a stub, not the same
headline, not excluded by an editor, within the maximum age):

- every entity A and C share adds ``role weight in A × role weight in C × idf(entity)``, where
  about counts more than quoted, quoted more than mentions, and ``idf = ln((N + 1) / (df + 1))``
  over the N published articles, so a story's specific people and events outweigh an
  organization named everywhere;
- every shared tag adds ``TAG_WEIGHT × idf(tag)``; the same section adds ``SECTION_WEIGHT``;
- text similarity (PostgreSQL full-text rank of C against the words of A's headline and
  standfirst) adds up to ``TEXT_WEIGHT``;
- the sum is multiplied by a recency decay: ``RECENCY_FLOOR + (1 - RECENCY_FLOOR) × 0.5 ^ (days
  apart / half-life)``.

Only entities and tags in at most ``COMMON_SHARE`` of the archive count (an organization in 10% of
all stories says nothing specific about any of them); in a small newsroom (under ``COMMON_MIN``
stories per entity) everything counts. One SQL statement scores a batch of articles: a single
article (after an edit, < 50 ms at 100,000 articles) or thousands at once (``rebuild_related``).
Editors' pins come first and their exclusions never appear.
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from articles.links import BY_KIND, ENTITY_LINKS, links_union_sql
from articles.models import Article, RelatedArticle, RelatedOverride

ROLE_WEIGHTS = {"about": 1.0, "quoted": 0.7, "mentions": 0.4}
TAG_WEIGHT = 0.5
SECTION_WEIGHT = 0.3
TEXT_WEIGHT = 2.0
RECENCY_FLOOR = 0.3
#: Entities and tags in more than this share of published articles do not find candidates.
COMMON_SHARE = 0.002
#: ...but below this many articles everything finds candidates (small newsrooms, tests).
COMMON_MIN = 200
#: Candidates kept per article after the structural score, before text similarity.
SHORTLIST = 30
#: Candidates per article kept by shared entities and tags before recency and visibility.
POOL = 60
#: Full-text rank from which a story is said to have "Similar wording".
SIMILAR_WORDING = 0.05
ENTITY_KEY_BASE = 1_000_000_000_000  # kind * base + id: one number for a person, organization or event
PUBLISHED_TOTAL_CACHE_KEY = "articles:related:published-total"
PUBLISHED_TOTAL_SECONDS = 600
EXACT_COUNT_BELOW = 20_000

# The visibility rule of ``Article.objects.published()``, for the set-based SQL below; a test
# (tests/articles/test_related_scoring.py) proves both select the same articles.
PUBLISHED_SQL = (
    "{a}.status = 'published' AND {a}.published_at <= %(now)s AND NOT {a}.is_stub "
    "AND ({a}.unpublish_at IS NULL OR {a}.unpublish_at > %(now)s)"
)


def _join_sql(array: str) -> str:
    """SQL for "A", "A and B", "A, B and C" from a text array of at most three names."""
    return (
        f"CASE cardinality({array}) WHEN 1 THEN {array}[1] WHEN 2 THEN {array}[1] || ' and ' || {array}[2] "
        f"ELSE {array}[1] || ', ' || {array}[2] || ' and ' || {array}[3] END"
    )


_ROLE_SQL = "CASE {r} WHEN 'about' THEN %(w_about)s WHEN 'quoted' THEN %(w_quoted)s ELSE %(w_mentions)s END"

_LINKS = links_union_sql()
_PERSON, _ORGANIZATION, _EVENT = (BY_KIND[kind] for kind in ("person", "organization", "event"))
_PERSON_TABLE, _ORGANIZATION_TABLE, _EVENT_TABLE = (
    link.entity_model._meta.db_table for link in (_PERSON, _ORGANIZATION, _EVENT)
)


def _entity_df_sql() -> str:
    """How many stories name each entity, counted no further than "too common to find candidates"."""
    cases = " ".join(
        f"WHEN {link.number} THEN (SELECT count(*) FROM (SELECT 1 FROM {link.table} x "  # noqa: S608
        f"WHERE x.{link.entity_column} = e.eid LIMIT %(common_plus)s) z)"
        for link in ENTITY_LINKS
    )
    return f"CASE e.k {cases} END"


SCORE_SQL = f"""
WITH src AS MATERIALIZED (
    SELECT a.id, a.section_id, a.published_at AS at, lower(a.headline) AS lhead,
           replace(plainto_tsquery('english', a.headline || ' ' || a.dek)::text, '&', '|') AS q
    FROM articles_article a WHERE a.id = ANY(%(ids)s)
),
src_ent AS MATERIALIZED (
    SELECT l.article_id AS src, l.k, l.eid, max({_ROLE_SQL.format(r="l.role")}) AS w
    FROM ({_LINKS}) l WHERE l.article_id = ANY(%(ids)s) GROUP BY 1, 2, 3
),
ent AS MATERIALIZED (
    -- How many stories name the entity, counted no further than "too common to find candidates".
    SELECT e.k, e.eid, {_entity_df_sql()} AS df
    FROM (SELECT DISTINCT k, eid FROM src_ent) e
),
excluded AS MATERIALIZED (
    SELECT o.article_id, o.related_id FROM articles_relatedoverride o
    WHERE o.article_id = ANY(%(ids)s) AND o.kind = 'exclude'
),
src_tag AS MATERIALIZED (
    SELECT t.object_id AS src, t.tag_id FROM taggit_taggeditem t
    WHERE t.content_type_id = %(ct)s AND t.object_id = ANY(%(ids)s)
),
tag AS MATERIALIZED (
    SELECT s.tag_id, (SELECT count(*) FROM (SELECT 1 FROM taggit_taggeditem x
                      WHERE x.tag_id = s.tag_id AND x.content_type_id = %(ct)s LIMIT %(common_plus)s) z) AS df
    FROM (SELECT DISTINCT tag_id FROM src_tag) s
),
contrib AS MATERIALIZED (
    SELECT s.src, l.article_id AS cand, 1 AS kind, s.k::bigint * {ENTITY_KEY_BASE} + s.eid AS key,
           s.w * ({_ROLE_SQL.format(r="l.role")})
             * ln((GREATEST(%(total)s, e.df) + 1)::float8 / (e.df + 1)) AS value
    FROM src_ent s
    JOIN ent e ON e.k = s.k AND e.eid = s.eid AND e.df <= %(common)s
    JOIN ({_LINKS}) l ON l.k = s.k AND l.eid = s.eid AND l.article_id <> s.src
    UNION ALL
    SELECT s.src, t.object_id, 2, s.tag_id,
           %(w_tag)s * ln((GREATEST(%(total)s, g.df) + 1)::float8 / (g.df + 1))
    FROM src_tag s
    JOIN tag g ON g.tag_id = s.tag_id AND g.df <= %(common)s
    JOIN taggit_taggeditem t ON t.tag_id = s.tag_id AND t.content_type_id = %(ct)s AND t.object_id <> s.src
),
grouped AS MATERIALIZED (
    SELECT src, cand, sum(value) AS shared FROM contrib GROUP BY src, cand
),
pool AS (
    -- The strongest candidates by what they share; recency and visibility are checked on these only.
    SELECT * FROM (
        SELECT grouped.*, row_number() OVER (PARTITION BY src ORDER BY shared DESC, cand DESC) AS pool_rank
        FROM grouped
    ) ranked_pool WHERE pool_rank <= %(pool)s
),
cand AS MATERIALIZED (
    SELECT g.src, g.cand, c.published_at, c.section_id = s.section_id AS same_section,
           g.shared + CASE WHEN c.section_id = s.section_id THEN %(w_section)s ELSE 0 END AS base,
           %(floor)s + (1 - %(floor)s) * power(
               0.5::float8, abs(extract(epoch FROM c.published_at - s.at)::float8) / 86400.0 / %(half_life)s
           ) AS decay
    FROM pool g
    JOIN src s ON s.id = g.src
    JOIN articles_article c ON c.id = g.cand
    WHERE {PUBLISHED_SQL.format(a="c")}
      AND lower(c.headline) <> s.lhead
      AND c.published_at BETWEEN s.at - %(max_age_interval)s AND s.at + %(max_age_interval)s
      AND NOT EXISTS (SELECT 1 FROM excluded x WHERE x.article_id = g.src AND x.related_id = g.cand)
),
shortlist AS (
    SELECT cand.*, row_number() OVER (PARTITION BY src ORDER BY base * decay DESC, cand DESC) AS pre_rank
    FROM cand
),
scored AS (
    SELECT sl.*, CASE WHEN s.q = '' THEN 0 ELSE ts_rank(
               COALESCE(a.search_vector, to_tsvector('english', a.headline || ' ' || a.dek)),
               s.q::tsquery, 32) END AS text_sim
    FROM shortlist sl
    JOIN src s ON s.id = sl.src
    JOIN articles_article a ON a.id = sl.cand
    WHERE sl.pre_rank <= %(shortlist)s
),
ranked AS (
    SELECT src, cand, (base + %(w_text)s * text_sim) * decay AS score,
           same_section, text_sim,
           row_number() OVER (
               PARTITION BY src
               ORDER BY (base + %(w_text)s * text_sim) * decay DESC, published_at DESC, cand DESC
           ) AS rank
    FROM scored
),
kept AS MATERIALIZED (SELECT * FROM ranked WHERE rank <= %(limit)s),
-- What each kept pair shares, named, for its reasons (only the few rows kept, not every candidate).
shared AS (
    SELECT k.src, k.cand, x.kind, x.key, max(x.value) AS value
    FROM kept k JOIN contrib x ON x.src = k.src AND x.cand = k.cand
    GROUP BY k.src, k.cand, x.kind, x.key
),
named AS (
    SELECT s.src, s.cand, s.kind, s.value,
           CASE WHEN s.kind = 2 THEN tg.name ELSE COALESCE(NULLIF(o.acronym, ''), o.name, p.name, ev.name) END
             AS label
    FROM shared s
    LEFT JOIN {_PERSON_TABLE} p
        ON s.kind = 1 AND s.key / {ENTITY_KEY_BASE} = {_PERSON.number}
           AND p.id = mod(s.key, {ENTITY_KEY_BASE})
    LEFT JOIN {_ORGANIZATION_TABLE} o
        ON s.kind = 1 AND s.key / {ENTITY_KEY_BASE} = {_ORGANIZATION.number}
           AND o.id = mod(s.key, {ENTITY_KEY_BASE})
    LEFT JOIN {_EVENT_TABLE} ev
        ON s.kind = 1 AND s.key / {ENTITY_KEY_BASE} = {_EVENT.number}
           AND ev.id = mod(s.key, {ENTITY_KEY_BASE})
    LEFT JOIN taggit_tag tg ON s.kind = 2 AND tg.id = s.key
),
lists AS (
    SELECT src, cand,
           (array_agg(label ORDER BY value DESC, label) FILTER (WHERE kind = 1))[1:3] AS ents,
           (array_agg(label ORDER BY value DESC, label) FILTER (WHERE kind = 2))[1:3] AS tags
    FROM named GROUP BY src, cand
),
reasoned AS (
    SELECT k.src, k.cand, k.rank, k.score, array_remove(ARRAY[
        CASE WHEN cardinality(l.ents) > 0 THEN 'Also about ' || {_join_sql("l.ents")} END,
        CASE WHEN cardinality(l.tags) > 0 THEN 'Tagged ' || {_join_sql("l.tags")} END,
        CASE WHEN k.text_sim >= %(similar)s THEN 'Similar wording' END,
        CASE WHEN k.same_section AND COALESCE(cardinality(l.ents), 0) + COALESCE(cardinality(l.tags), 0) = 0
             AND k.text_sim < %(similar)s THEN 'Same section' END
    ], NULL) AS reasons
    FROM kept k LEFT JOIN lists l ON l.src = k.src AND l.cand = k.cand
)
SELECT src, cand, rank, score, reasons FROM reasoned
ORDER BY src, rank
"""  # noqa: S608 (only the module's constant fragments are formatted in; values are bound parameters)


STORE_SQL = f"""
INSERT INTO articles_relatedarticle (article_id, related_id, rank, score, reasons, pinned, computed_at)
SELECT src, cand, rank, score, to_jsonb(reasons), false, %(now)s FROM ({SCORE_SQL}) scored
"""  # noqa: S608 (constant SQL; values are bound parameters)


@dataclass
class Scored:
    article_id: int
    related_id: int
    rank: int
    score: float
    reasons: list[str]


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


def _params(ids: list[int], limit: int) -> dict:
    now = timezone.now()
    published = published_total()
    return {
        "total": published,
        "ids": ids,
        "now": now,
        "ct": ContentType.objects.get_for_model(Article).pk,
        "w_about": ROLE_WEIGHTS["about"],
        "w_quoted": ROLE_WEIGHTS["quoted"],
        "w_mentions": ROLE_WEIGHTS["mentions"],
        "w_tag": TAG_WEIGHT,
        "w_section": SECTION_WEIGHT,
        "w_text": TEXT_WEIGHT,
        "floor": RECENCY_FLOOR,
        "half_life": float(settings.NEWSROOM_RELATED_HALF_LIFE_DAYS),
        "max_age_interval": timedelta(days=settings.NEWSROOM_RELATED_MAX_AGE_DAYS),
        "common": _common_limit(published),
        "common_plus": _common_limit(published) + 1,
        "shortlist": max(SHORTLIST, limit + 10),
        "pool": POOL,
        "similar": SIMILAR_WORDING,
        "limit": limit,
    }


def _common_limit(published: int | None) -> int:
    if published is None:
        published = published_total()
    return max(COMMON_MIN, math.ceil(COMMON_SHARE * published))


def score_articles(ids: list[int], limit: int | None = None) -> list[Scored]:
    """Top related published articles for each of ``ids``, best first, editors' exclusions removed."""
    limit = limit or settings.NEWSROOM_RELATED_LIMIT
    if not ids:
        return []
    with transaction.atomic(), connection.cursor() as cursor:
        if len(ids) > 1:
            # A batch sorts and groups hundreds of thousands of rows: in memory, not on disk.
            cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(SCORE_SQL, _params(list(ids), limit))
        rows = cursor.fetchall()
    return [Scored(src, cand, rank, float(score), list(reasons)) for src, cand, rank, score, reasons in rows]


def _store_scored(ids: list[int]) -> int:
    """Score ``ids`` and store the result in one INSERT ... SELECT; returns the rows stored."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(STORE_SQL, _params(list(ids), settings.NEWSROOM_RELATED_LIMIT))
        return cursor.rowcount


def related_queryset(article: Article):
    """What an article page shows: stored entries whose related article is public now."""
    return (
        RelatedArticle.objects.filter(article=article, related__in=Article.objects.published())
        .select_related("related", "related__section")
        .order_by("rank")
    )


def compute_related(
    article: Article, limit: int | None = None
) -> list[tuple[Article, float, list[str], bool]]:
    """Score published articles against ``article``; return (article, score, reasons, pinned) best first."""
    limit = limit or settings.NEWSROOM_RELATED_LIMIT
    scored = score_articles([article.pk], limit=limit)
    overrides = list(
        RelatedOverride.objects.filter(article=article, kind=RelatedOverride.Kind.PIN).order_by(
            "position", "id"
        )
    )
    pinned_ids = [o.related_id for o in overrides if o.related_id != article.pk]
    by_id = {s.related_id: s for s in scored}
    visible = Article.objects.published().in_bulk([*pinned_ids, *by_id])
    results: list[tuple[Article, float, list[str], bool]] = []
    for pk in pinned_ids:
        if pk in visible:
            found = by_id.get(pk)
            reasons = ["Chosen by the editors", *(found.reasons if found else [])]
            results.append((visible[pk], found.score if found else 0.0, reasons, True))
    for s in scored:
        if s.related_id in visible and s.related_id not in pinned_ids:
            results.append((visible[s.related_id], s.score, s.reasons, False))
    return results[:limit]


@transaction.atomic
def related_rebuild(*, article: Article) -> int:
    """Recompute and store ``article``'s related posts; returns how many were stored."""
    rows = compute_related(article)
    RelatedArticle.objects.filter(article=article).delete()
    RelatedArticle.objects.bulk_create(
        RelatedArticle(article=article, related=other, rank=rank, score=score, reasons=reasons, pinned=pinned)
        for rank, (other, score, reasons, pinned) in enumerate(rows, start=1)
    )
    return len(rows)


def related_rebuild_many(ids: list[int]) -> int:
    """Recompute and store the related posts of many articles with one scoring query; returns rows stored.

    Articles with editors' pins go through :func:`related_rebuild` (pins are few and ordered by hand).
    """
    if not ids:
        return 0
    pinned = set(
        RelatedOverride.objects.filter(article_id__in=ids, kind=RelatedOverride.Kind.PIN).values_list(
            "article_id", flat=True
        )
    )
    plain = [pk for pk in ids if pk not in pinned]
    stored = 0
    with transaction.atomic():
        RelatedArticle.objects.filter(article_id__in=ids).delete()
        if plain:
            stored += _store_scored(plain)
        for article in Article.objects.filter(pk__in=pinned):
            stored += related_rebuild(article=article)
    return stored


def _rebuild_chunk(ids: list[int]) -> int:
    """One worker's share of a full rebuild (a separate process has its own connection)."""
    from django.db import connections

    try:
        return related_rebuild_many(ids)
    finally:
        connections.close_all()


def related_rebuild_all(*, chunk_size: int = 500, workers: int = 1, progress=None) -> int:
    """Recompute the related posts of every published article in chunks; returns the articles done.

    ``workers`` > 1 scores chunks in that many processes at once (one per core). ``progress`` wraps
    the iterable of finished chunks, for a progress bar.
    """
    ids = list(Article.objects.published().order_by("pk").values_list("pk", flat=True))
    # Stored lists of articles that are no longer public are never shown; drop them.
    RelatedArticle.objects.exclude(article__in=Article.objects.published()).delete()
    cache.delete(PUBLISHED_TOTAL_CACHE_KEY)
    chunks = [ids[i : i + chunk_size] for i in range(0, len(ids), chunk_size)]
    wrap = progress or (lambda items, total: items)
    if workers <= 1 or len(chunks) <= 1:
        for _done in wrap((related_rebuild_many(chunk) for chunk in chunks), len(chunks)):
            pass
        return len(ids)
    import multiprocessing

    from django.db import connections

    connections.close_all()  # each process opens its own connection
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for _done in wrap(pool.imap_unordered(_rebuild_chunk, chunks), len(chunks)):
            pass
    return len(ids)


def articles_sharing_entities(article: Article) -> list[int]:
    """Ids of other articles whose related posts may change with this one.

    Those linked to a person, organization or event this article links, unless the entity is in
    so many stories that it finds no candidates (see ``COMMON_SHARE``), plus those already
    listing this article.
    """
    common = _common_limit(None)
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
    ids.discard(article.pk)
    return sorted(ids)
