"""Text similarity for related stories: each article's most telling words, stored and indexed.

An article's text (the headline twice, the standfirst, the body without markup) is split into
English stems by PostgreSQL's own ``to_tsvector('english', …)``, the analysis search uses. Each
stem gets a TF-IDF weight, ``(1 + ln tf) × ln((N + 1) / (df + 1))`` (times the link's role weight
for the words of a linked entity's names: a person only mentioned weighs little in the text too;
times ``NAME_BOOST`` for other words written with a capital: places, newcomers),
and the ``TERMS_PER_ARTICLE`` strongest stems are kept, L2-normalized and stored as
:class:`~articles.models.ArticleTerm` rows. The sum of ``weight × weight`` over the stems two
articles share is their cosine similarity, and the index on ``(term, weight)`` finds an article's
neighbours without reading any other article's text: nothing is computed per request.

Document frequencies live in :class:`~articles.models.TermFrequency`: ``rebuild_related`` counts
them exactly; between rebuilds an article indexed for the first time adds one to each of its stems
(and to N, the count of indexed articles, kept under the empty term).
"""

from django.db import connection

from articles.links import ENTITY_LINKS
from articles.models import Article

#: How many stems of each article are stored (the rest add little to any cosine).
TERMS_PER_ARTICLE = 60
#: How much a link's role says about the story (and so how much the linked name weighs in its text).
ROLE_WEIGHTS = {"about": 1.0, "quoted": 0.8, "mentions": 0.3}
#: A stem mostly written with a capital inside a sentence, and not a linked entity's name (a place,
#: a newcomer), weighs this much more: stories about one event share its names, stories on one
#: beat share only its vocabulary.
NAME_BOOST = 1.5
#: Postings read per stem when looking for neighbours: the articles where the stem weighs most.
POSTINGS_PER_TERM = 100
#: A text cosine from which two stories are the same story (re-sent, retitled): never related.
NEAR_DUPLICATE = 0.8
#: Advisory-lock namespace: one article's terms and related posts are written by one worker at a time.
LOCK_NAMESPACE = 0x52454C  # "REL"

# The article's text as plain words: tags and character references become spaces.
_TEXT = (
    "a.headline || ' ' || a.headline || ' ' || a.dek || ' ' || "
    "regexp_replace(regexp_replace(a.body, '<[^>]*>', ' ', 'g'), '&[#a-zA-Z0-9]+;', ' ', 'g')"
)
# One row per stem of each article: the stem, how often it occurs (its positions) and how often
# it is written with a capital inside a sentence (a name: a place, a person, a body, an event).
_LEXEMES = f"""
    SELECT a.id AS article_id, u.lexeme AS term, cardinality(u.positions) AS tf,
           COALESCE(cardinality(c.positions), 0) AS capitals
    FROM articles_article a
    -- OFFSET 0 keeps each article's text and capitals computed once: inlined, the planner may
    -- evaluate them again for every stem of the article (a nested loop over its stems).
    CROSS JOIN LATERAL (SELECT {_TEXT} AS text OFFSET 0) x
    CROSS JOIN LATERAL (SELECT to_tsvector('english', array_to_string(ARRAY(
        SELECT m[1]
        FROM regexp_matches(x.text, '(?<![.!?"“:–—]\\s)(?<=\\s)([[:upper:]][[:alpha:]''’-]+)', 'g') m
    ), ' ')) AS caps OFFSET 0) y
    CROSS JOIN LATERAL unnest(to_tsvector('english', x.text)) u
    LEFT JOIN LATERAL unnest(y.caps) c ON c.lexeme = u.lexeme
    WHERE {{where}} AND length(u.lexeme) BETWEEN 2 AND 100 AND u.lexeme ~ '[[:alpha:]]'
"""  # noqa: S608 (constant SQL)


def _entity_names_sql() -> str:
    """``article_id, role, names`` for every entity the articles link: its name, acronym and other names."""
    parts = []
    for link in ENTITY_LINKS:
        entity = link.entity_model._meta
        names = " || ' ' || ".join(f"COALESCE(e.{f}, '')" for f in link.name_fields)
        parts.append(
            f"SELECT x.{link.article_column} AS article_id, x.role, {names} AS names "  # noqa: S608
            f"FROM {link.table} x JOIN {entity.db_table} e ON e.{entity.pk.column} = x.{link.entity_column} "
            "WHERE x.{article} = ANY(%(ids)s)".replace("{article}", link.article_column)
        )
        if link.alias_relation:
            alias = entity.get_field(link.alias_relation)
            parts.append(
                f"SELECT x.{link.article_column}, x.role, y.name FROM {link.table} x "  # noqa: S608
                f"JOIN {alias.related_model._meta.db_table} y "
                f"ON y.{alias.field.column} = x.{link.entity_column} "
                f"WHERE x.{link.article_column} = ANY(%(ids)s)"
            )
    return "\n    UNION ALL ".join(parts)


LOCK_SQL = (
    "SELECT pg_advisory_xact_lock((%(ns)s::bigint << 32) + id) "
    "FROM (SELECT DISTINCT unnest(%(ids)s::bigint[]) AS id ORDER BY 1) ids"
)

# An article indexed for the first time adds one to the frequency of each of its stems, and one to
# the count of indexed articles (the row of the empty term, which no stem can be). An indexed article
# always has the row of the empty term in ArticleTerm (weight 0): that is how "first time" is told.
COUNT_NEW_SQL = f"""
WITH new AS MATERIALIZED (
    SELECT id FROM unnest(%(ids)s::bigint[]) AS id
    WHERE NOT EXISTS (SELECT 1 FROM articles_articleterm t WHERE t.article_id = id AND t.term = '')
)
INSERT INTO articles_termfrequency (term, articles)
SELECT term, count(*) FROM (
    SELECT l.term FROM ({_LEXEMES.format(where="a.id IN (SELECT id FROM new)")}) l
    UNION ALL SELECT '' FROM new
) x
GROUP BY term ORDER BY term
ON CONFLICT (term) DO UPDATE SET articles = articles_termfrequency.articles + EXCLUDED.articles
"""  # noqa: S608 (constant SQL; values are bound parameters)

WEIGH_SQL = f"""
WITH l AS MATERIALIZED ({_LEXEMES.format(where="a.id = ANY(%(ids)s)")}),
-- The stems of the names of linked entities weigh by the link's prominence: a person the story
-- only mentions counts little in its text too (entities are weighed as entities, in scoring).
named AS (
    SELECT n.article_id, u.lexeme AS term,
           max(CASE n.role WHEN 'about' THEN %(w_about)s WHEN 'quoted' THEN %(w_quoted)s
                           ELSE %(w_mentions)s END) AS prominence
    FROM ({_entity_names_sql()}) n
    CROSS JOIN LATERAL unnest(to_tsvector('english', n.names)) u
    GROUP BY 1, 2
),
indexed AS (
    -- N of the idf: the articles indexed so far (so stems every one of them shares weigh nothing).
    SELECT COALESCE((SELECT articles FROM articles_termfrequency WHERE term = ''), %(total)s) AS n
),
w AS (
    SELECT l.article_id, l.term,
           (1 + ln(l.tf)) * ln((GREATEST(i.n, f.articles, 1) + 1)::float8 / (COALESCE(f.articles, 1) + 1))
             * COALESCE(n.prominence, CASE WHEN 2 * l.capitals >= l.tf THEN %(name_boost)s ELSE 1 END) AS w
    FROM l
    CROSS JOIN indexed i
    LEFT JOIN articles_termfrequency f ON f.term = l.term
    LEFT JOIN named n ON n.article_id = l.article_id AND n.term = l.term
),
top AS (
    SELECT article_id, term, w, row_number() OVER (PARTITION BY article_id ORDER BY w DESC, term) AS r
    FROM w WHERE w > 0
),
kept AS (SELECT * FROM top WHERE r <= %(k)s),
norm AS (SELECT article_id, sqrt(sum(w * w)) AS norm FROM kept GROUP BY article_id)
-- The kept stems are normalized among themselves: an article's similarity to itself is 1.
INSERT INTO articles_articleterm (article_id, term, weight)
SELECT k.article_id, k.term, k.w / n.norm
FROM kept k JOIN norm n ON n.article_id = k.article_id WHERE n.norm > 0
UNION ALL
SELECT id, '', 0 FROM unnest(%(ids)s::bigint[]) AS id
"""  # noqa: S608 (constant SQL; values are bound parameters)

# The stems of some articles and in how many of them each occurs: the stems of ``_LEXEMES`` (the
# same text, analysis and filters) without their capitals, which counting does not need.
COUNT_CHUNK_SQL = f"""
SELECT u.lexeme, count(*)
FROM articles_article a
CROSS JOIN LATERAL unnest(to_tsvector('english', {_TEXT})) u
WHERE a.id = ANY(%(ids)s) AND length(u.lexeme) BETWEEN 2 AND 100 AND u.lexeme ~ '[[:alpha:]]'
GROUP BY 1
"""  # noqa: S608 (constant SQL; values are bound parameters)

# The exact similarity of given pairs (src, cand): the sum over the stems both store.
PAIR_SIMILARITY_SQL = """
SELECT p.src, p.cand, sum(s.weight * t.weight) AS sim
FROM unnest(%(src)s::bigint[], %(cand)s::bigint[]) AS p(src, cand)
JOIN articles_articleterm s ON s.article_id = p.src AND s.term <> ''
JOIN articles_articleterm t ON t.article_id = p.cand AND t.term = s.term
GROUP BY p.src, p.cand
"""

NEIGHBOURS_SQL = """
WITH src_term AS MATERIALIZED (
    SELECT t.article_id AS src, t.term, t.weight FROM articles_articleterm t
    WHERE t.article_id = ANY(%(ids)s) AND t.term <> ''
),
hits AS MATERIALIZED (
    SELECT s.src, p.article_id AS cand, sum(s.weight * p.weight) AS part
    FROM src_term s
    CROSS JOIN LATERAL (
        SELECT x.article_id, x.weight FROM articles_articleterm x
        WHERE x.term = s.term AND x.article_id <> s.src ORDER BY x.weight DESC LIMIT %(postings)s
    ) p
    GROUP BY s.src, p.article_id
),
pairs AS (SELECT src, cand FROM hits WHERE part >= %(at_least)s * 0.5)
SELECT p.src, p.cand, sum(s.weight * t.weight) AS sim
FROM pairs p
JOIN src_term s ON s.src = p.src
JOIN articles_articleterm t ON t.article_id = p.cand AND t.term = s.term
GROUP BY p.src, p.cand
HAVING sum(s.weight * t.weight) >= %(at_least)s
ORDER BY p.src, sim DESC, p.cand
"""


def lock_articles(ids) -> None:
    """Hold, until the transaction ends, the write lock of these articles' terms and related posts.

    Taken in id order, so two workers locking overlapping batches never deadlock.
    """
    with connection.cursor() as cursor:
        cursor.execute(LOCK_SQL, {"ns": LOCK_NAMESPACE, "ids": sorted(set(ids))})


def index_terms(ids, *, total: int, count_new: bool = True) -> None:
    """Recompute and store the weighted stems of these articles (any status; call inside a transaction).

    With ``count_new``, articles indexed for the first time add one to the document frequency of
    each of their stems and to the count of indexed articles (N of the idf); ``total`` stands in
    for N before anything was counted.
    """
    ids = sorted({int(pk) for pk in ids})
    if not ids:
        return
    lock_articles(ids)
    params = {
        "ids": ids,
        "total": total,
        "k": TERMS_PER_ARTICLE,
        "name_boost": NAME_BOOST,
        **{f"w_{role}": weight for role, weight in ROLE_WEIGHTS.items()},
    }
    with connection.cursor() as cursor:
        if count_new:
            cursor.execute(COUNT_NEW_SQL, params)
        cursor.execute("DELETE FROM articles_articleterm WHERE article_id = ANY(%(ids)s)", params)
        cursor.execute(WEIGH_SQL, params)


def recount_frequencies() -> None:
    """Count every stem's document frequency again, exactly, over every article (full rebuild)."""
    every = list(Article.objects.values_list("pk", flat=True))
    counts: dict[str, int] = {}
    for start in range(0, len(every), 500):
        for term, n in count_chunk(every[start : start + 500]):
            counts[term] = counts.get(term, 0) + n
    store_frequencies(counts, len(every))


def count_chunk(ids) -> list[tuple[str, int]]:
    """In how many of these articles each stem occurs (one share of a full recount)."""
    with connection.cursor() as cursor:
        cursor.execute(COUNT_CHUNK_SQL, {"ids": sorted(ids)})
        return cursor.fetchall()


def store_frequencies(counts: dict[str, int], articles: int) -> None:
    """Replace every stem's document frequency by ``counts``, summed over chunks covering all
    ``articles`` articles (N of the idf, stored under the empty term); call inside a transaction."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM articles_termfrequency")
        raw = cursor.cursor  # the psycopg cursor, for COPY
        with raw.copy("COPY articles_termfrequency (term, articles) FROM STDIN") as copy:
            for term, n in counts.items():
                copy.write_row((term, n))
            copy.write_row(("", articles))


def pair_similarity(pairs: list[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """The stored-term cosine of each (article, other) pair."""
    if not pairs:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(PAIR_SIMILARITY_SQL, {"src": [a for a, _ in pairs], "cand": [b for _, b in pairs]})
        return {(src, cand): float(sim) for src, cand, sim in cursor.fetchall()}


def near_duplicates(ids, *, at_least: float = NEAR_DUPLICATE) -> dict[int, list[tuple[int, float]]]:
    """For each of ``ids`` (already indexed), the other articles whose text is nearly the same."""
    ids = sorted({int(pk) for pk in ids})
    found: dict[int, list[tuple[int, float]]] = {}
    if not ids:
        return found
    with connection.cursor() as cursor:
        cursor.execute(NEIGHBOURS_SQL, {"ids": ids, "postings": POSTINGS_PER_TERM, "at_least": at_least})
        for src, cand, sim in cursor.fetchall():
            found.setdefault(src, []).append((cand, float(sim)))
    return found


def near_duplicate_notes(articles: list[Article], *, total: int) -> dict[int, list[str]]:
    """Index ``articles`` and say, for each, which stored stories it nearly repeats (an import's report)."""
    index_terms([a.pk for a in articles], total=total)
    found = near_duplicates([a.pk for a in articles])
    others = {pk for pairs in found.values() for pk, _ in pairs}
    slugs = dict(Article.objects.filter(pk__in=others).values_list("pk", "slug"))
    return {
        src: [
            f"near-duplicate of “{slugs[cand]}” ({sim:.0%} the same words): "
            "the two are never listed as each other's related stories."
            for cand, sim in pairs
        ]
        for src, pairs in found.items()
    }
