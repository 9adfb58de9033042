"""Synthetic newsroom data at scale, for benchmarks (``manage.py generate_bench_data``).

Distributions follow a wire archive: entity and tag popularity is Zipf-like (a few organizations
such as the ICRC appear in a large share of stories, most people in a handful), each story is
about one to three people and one or two organizations, mentions a few more, sometimes quotes
someone and is about an event; a few percent are drafts, scheduled or stubs. Rows are written
with COPY, with explicit ids, so 100,000 articles take minutes, not hours.
"""

import itertools
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleEvent, ArticleOrganization, ArticlePerson, Section
from organizations.models import Event, Organization, Person
from organizations.names import name_key
from organizations.sort_names import person_sort_name

_WORDS_TEXT = """
relief aid volunteers families villages health clinic vaccine children earthquake flood shelter
winter water convoy meeting agreement cooperation delegation minister society emergency
training hospital doctors nurses refugees border province capital talks conference exhibition
museum festival film calligraphy heritage funding appeal donors report survey campaign schools
teachers roads bridges rebuilding homes tents blankets food medicine supplies ambulance rescue
teams
"""
WORDS = _WORDS_TEXT.split()
_GIVEN_TEXT = """
Ali Hossein Mohammad Reza Mahdi Amir Hamid Saeed Mehdi Kamran Leila Maryam Zahra Fatemeh Nasrin
Niloufar Sara Mina Yasser Omar Ahmad Karim Nadia Ayse Mehmet Elif Farid Dariush Javad Babak
"""
GIVEN = _GIVEN_TEXT.split()
_FAMILY_TEXT = """
Ahmadi Hosseini Mohammadi Rezaei Moradi Karimi Jafari Rahimi Kazemi Rostami Sadeghi Bahrami
Farahani Shirazi Tehrani Kolivand Yarahmadi Asgari Haddad Demir Yilmaz Kaya Nouri Mokhtari
Amini Ebrahimi Ghasemi Soltani Rashidi Najafi Akbari Zamani Heidari Ansari Saberi Taheri
"""
FAMILY = _FAMILY_TEXT.split()

#: Syllables of the synthetic vocabulary's rarer words (after the common ones above).
_SYLLABLES = ("ka", "ro", "mi", "ten", "sa", "lu", "vor", "dan", "pel", "ki")
_SYLLABLES += ("zu", "ba", "nor", "fi", "tal", "me", "gan", "sur", "lo", "vi")
#: How many distinct words the archive's text draws from: wire copy uses tens of thousands.
VOCABULARY = 20_000
#: Words of a story's own subject (its event or topic): stories about one event share them.
TOPIC_WORDS = 12


def _vocabulary() -> list[str]:
    """The 60 common words first, then made-up words (distinct after English stemming: -n ending)."""
    words = list(WORDS)
    seen = set(words)
    n = len(_SYLLABLES)
    i = n
    while len(words) < VOCABULARY:
        digits, rest = [], i
        while rest:
            rest, digit = divmod(rest, n)
            digits.append(_SYLLABLES[digit])
        word = "".join(digits) + "n"
        i += 1
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


@dataclass
class BenchReport:
    articles: int
    people: int
    organizations: int
    events: int
    links: int
    tags: int

    def summary(self) -> str:
        return (
            f"Generated {self.articles} articles, {self.people} people, {self.organizations} organizations, "
            f"{self.events} events, {self.links} entity links and {self.tags} tag assignments."
        )


def _zipf_picker(rng: random.Random, n: int, exponent: float = 1.05) -> Callable[[], int]:
    """Index 0..n-1 drawn with Zipf-like popularity: a few very common, a long tail of rare."""
    weights = [1.0 / (i + 1) ** exponent for i in range(n)]
    total = sum(weights)
    cumulative, acc = [], 0.0
    for weight in weights:
        acc += weight / total
        cumulative.append(acc)
    import bisect

    return lambda: min(n - 1, bisect.bisect_left(cumulative, rng.random()))


def _next_id(model: type[models.Model]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE(MAX(id), 0) + 1 FROM {connection.ops.quote_name(model._meta.db_table)}"  # noqa: S608
        )
        return cursor.fetchone()[0]


def _copy(model: type[models.Model], columns: list[str], rows: Iterable[tuple]) -> int:
    """COPY rows into ``model``'s table; column names are the model's own, never user input."""
    table = connection.ops.quote_name(model._meta.db_table)
    cols = ", ".join(connection.ops.quote_name(c) for c in columns)
    count = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor, for COPY
        with raw.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def _alias_triggers(enabled: bool) -> None:
    """Switch the name-not-an-alias triggers of people and organizations (inside the transaction).

    Each takes an advisory lock per row written: 12,000 locks in one transaction exhaust the
    server's lock table. The generated names are unique and no alias exists, so nothing is missed.
    """
    action = "ENABLE" if enabled else "DISABLE"
    with connection.cursor() as cursor:
        # A table with deferred foreign-key checks pending cannot be altered: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for entity in ("person", "organization"):
            table = f"organizations_{entity}"
            cursor.execute(f"ALTER TABLE {table} {action} TRIGGER {table}_name_not_an_alias")


def _reset_sequences(*model_list: type[models.Model]) -> None:
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(model_list)):
            cursor.execute(statement)


@transaction.atomic
def generate_bench_data(*, articles: int = 100_000, seed: int = 5, progress=None) -> BenchReport:
    """Write ``articles`` synthetic articles with people, organizations, events, links and tags."""
    rng = random.Random(seed)
    now = timezone.now()
    step = progress or (lambda label: None)
    n_people = max(20, articles // 10)
    n_orgs = max(10, articles // 50)
    n_events = max(10, articles // 20)
    n_tags = max(20, articles // 50)

    sections = [
        Section.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in (
            ("humanitarian", "Humanitarian"),
            ("health", "Health"),
            ("diplomacy", "Diplomacy"),
            ("culture", "Culture"),
            ("region", "Region"),
            ("economy", "Economy"),
        )
    ]

    _alias_triggers(False)
    step("people")
    person_start = _next_id(Person)
    people = []
    for i in range(n_people):
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)} {i}"
        people.append((person_start + i, name, f"bench-person-{person_start + i}", name_key(name)))
    _copy(
        Person,
        [
            "id",
            "name",
            "slug",
            "wikidata_id",
            "name_key",
            "sort_name",
            "bio",
            "photo",
            "version",
            "created_at",
            "updated_at",
        ],
        (
            (pk, name, slug, "", key, person_sort_name(name), "", "", 1, now, now)
            for pk, name, slug, key in people
        ),
    )

    step("organizations")
    org_start = _next_id(Organization)
    orgs = []
    for i in range(n_orgs):
        name = f"{rng.choice(WORDS).title()} {rng.choice(['Society', 'Agency', 'Institute', 'Network'])} {i}"
        orgs.append((org_start + i, name, f"bench-org-{org_start + i}", name_key(name, honorifics=False)))
    _copy(
        Organization,
        [
            "id",
            "name",
            "slug",
            "wikidata_id",
            "name_key",
            "acronym",
            "kind",
            "country",
            "website",
            "logo",
            "description",
            "version",
            "created_at",
            "updated_at",
        ],
        (
            (pk, name, slug, "", key, f"B{pk}", "ngo", "IR", "", "", "", 1, now, now)
            for pk, name, slug, key in orgs
        ),
    )

    _alias_triggers(True)
    step("events")
    event_start = _next_id(Event)
    start_day = now - timedelta(days=5 * 365)
    event_days = [start_day + timedelta(days=rng.uniform(0, 5 * 365)) for _ in range(n_events)]
    _copy(
        Event,
        [
            "id",
            "name",
            "slug",
            "kind",
            "starts_at",
            "all_day",
            "timezone",
            "venue",
            "city",
            "country",
            "description",
            "version",
            "created_at",
            "updated_at",
        ],
        (
            (
                event_start + i,
                f"{rng.choice(WORDS).title()} {rng.choice(['meeting', 'conference', 'summit'])} {i}",
                f"bench-event-{event_start + i}",
                "meeting",
                event_days[i],
                False,
                "Asia/Tehran",
                "",
                "Tehran",
                "IR",
                "",
                1,
                now,
                now,
            )
            for i in range(n_events)
        ),
    )

    step("articles")
    article_start = _next_id(Article)
    pick_person = _zipf_picker(rng, n_people, 0.9)
    pick_org = _zipf_picker(rng, n_orgs, 1.1)
    pick_event = _zipf_picker(rng, n_events, 0.8)
    pick_tag = _zipf_picker(rng, n_tags, 1.0)
    # Text: a Zipf-like draw from the whole vocabulary (a few words in most stories, a long tail of
    # rare ones), plus the words of the story's subject (its event's, or one of many topics').
    vocabulary = _vocabulary()
    weights = [1.0 / (i + 1) ** 1.0 for i in range(len(vocabulary))]
    cum_weights = list(itertools.accumulate(weights))
    n_topics = max(10, articles // 8)
    topic_rng = random.Random(seed + 1)
    rare = vocabulary[len(WORDS) * 10 :]
    topic_words = {}

    def subject_words(topic: int) -> list[str]:
        if topic not in topic_words:
            topic_words[topic] = topic_rng.sample(rare, TOPIC_WORDS)
        return topic_words[topic]

    article_rows, person_links, org_links, event_links, tag_links = [], [], [], [], []
    for i in range(articles):
        pk = article_start + i
        roll = rng.random()
        status, stub = "published", False
        if roll < 0.03:
            status = "draft"
        elif roll < 0.04:
            status = "scheduled"
        elif roll < 0.05:
            stub = True
        published_at = now - timedelta(days=rng.uniform(0, 5 * 365))
        if status == "scheduled":
            published_at = now + timedelta(days=rng.uniform(1, 30))
        if status == "draft":
            published_at = None
        kind = rng.random()  # 2% name dozens of people (a list of victims, a delegation); 5% plain copy
        about = {people[pick_person()][0] for _ in range(rng.randint(1, 3))}
        for person_id in about:
            person_links.append((person_id, pk, "about"))
        mentioned = rng.randint(25, 50) if kind < 0.02 else rng.randint(0, 4)
        for person_id in {people[pick_person()][0] for _ in range(mentioned)} - about:
            person_links.append((person_id, pk, "mentions"))
        if rng.random() < 0.4:
            person_links.append((next(iter(about)), pk, "quoted"))
        org_about = {orgs[pick_org()][0] for _ in range(rng.randint(1, 2))}
        for org_id in org_about:
            org_links.append((org_id, pk, "about"))
        for org_id in {orgs[pick_org()][0] for _ in range(rng.randint(0, 3))} - org_about:
            org_links.append((org_id, pk, "mentions"))
        topic = None
        if rng.random() < 0.5:
            topic = pick_event()
            event_links.append((event_start + topic, pk, "about"))
            if status == "published":  # an event is reported in the days around it, as news is
                around = event_days[topic] + timedelta(days=rng.uniform(-7, 21))
                published_at = min(around, now - timedelta(hours=1))
        for tag_index in {pick_tag() for _ in range(rng.randint(2, 5))}:
            tag_links.append((tag_index, pk))
        length = rng.randint(120, 600)
        if kind > 0.95:  # nothing but the most common words
            words = [rng.choice(WORDS) for _ in range(length)]
        else:
            own = subject_words(topic if topic is not None else n_events + rng.randrange(n_topics))
            words = rng.choices(vocabulary, cum_weights=cum_weights, k=length)
            for j in rng.sample(range(length), length // 12):
                words[j] = rng.choice(own)
            # The story's subjects are named in it (their name without the generator's number).
            names = [people[p - person_start][1].rsplit(" ", 1)[0] for p in about] * 2
            for j, name in zip(rng.sample(range(length), len(names)), names, strict=True):
                words[j] = name
        headline = " ".join(words[:8]).capitalize() + f" {pk}"
        body = "<p>" + (" ".join(words) + ".") + "</p>"
        if stub:
            body = "<p>This article will be expanded soon.</p>"
        article_rows.append(
            (
                pk,
                headline,
                f"bench-{pk}",
                " ".join(words[8:30]).capitalize() + ".",
                body,
                "",
                sections[i % len(sections)].pk,
                status,
                published_at,
                published_at if status == "published" else None,
                published_at if status == "published" else None,
                now,
                now,
                "",
                "",
                "en",
                False,
                stub,
                1,
            )
        )
    _copy(
        Article,
        [
            "id",
            "headline",
            "slug",
            "dek",
            "body",
            "summary",
            "section_id",
            "status",
            "published_at",
            "first_published_at",
            "last_published_at",
            "created_at",
            "updated_at",
            "source_url",
            "canonical_url",
            "language",
            "noindex",
            "is_stub",
            "version",
        ],
        article_rows,
    )
    step("links")
    links = _copy(ArticlePerson, ["person_id", "article_id", "role"], person_links)
    links += _copy(ArticleOrganization, ["organization_id", "article_id", "role"], org_links)
    links += _copy(ArticleEvent, ["event_id", "article_id", "role"], event_links)

    step("tags")
    tag_start = _next_id(Tag)
    _copy(
        Tag,
        ["id", "name", "slug"],
        ((tag_start + i, f"bench topic {i}", f"bench-topic-{i}") for i in range(n_tags)),
    )
    content_type = ContentType.objects.get_for_model(Article).pk
    tags = _copy(
        TaggedItem,
        ["tag_id", "content_type_id", "object_id"],
        ((tag_start + t, content_type, pk) for t, pk in tag_links),
    )

    step("search vectors")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET search_vector = "
            "setweight(to_tsvector('english', headline), 'A') || setweight(to_tsvector('english', dek), 'B') "
            "WHERE id >= %s",
            [article_start],
        )
    _reset_sequences(
        Person,
        Organization,
        Event,
        Article,
        ArticlePerson,
        ArticleOrganization,
        ArticleEvent,
        Tag,
        TaggedItem,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return BenchReport(articles, n_people, n_orgs, n_events, links, tags)


def busiest(model: type[models.Model], relation: str) -> models.Model:
    """The row of ``model`` with the most ``relation`` rows (the busiest person, organization...)."""
    return model.objects.annotate(n=models.Count(relation)).order_by("-n", "pk").first()


def add_bylines_and_quotes(person: Person, articles: int = 4000, quotes: int = 3000) -> None:
    """The generator writes no bylines or quotes: give ``person`` (the busiest) some, once."""
    from articles.models import Byline, Quote

    if Byline.objects.filter(person=person).exists():
        return
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True)[::25][:articles])
    with transaction.atomic():
        Byline.objects.bulk_create(Byline(article_id=pk, person=person, role="author") for pk in ids)
        Quote.objects.bulk_create(
            Quote(article_id=pk, speaker=person, text=f"Words number {i}.")
            for i, pk in enumerate(ids[:quotes])
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


ADMIN_STORY_SLUG = "bench-admin-rows"


def story_with_rows(rows: int = 50) -> Article:
    """A published story with ``rows`` bylines, person links, organization links and quotes (once):
    the admin change form's worst case."""
    from articles.models import Byline, Quote

    article = Article.objects.filter(slug=ADMIN_STORY_SLUG).first()
    if article is not None:
        return article
    template = Article.objects.published().filter(section__isnull=False).order_by("pk").first()
    people = list(Person.objects.order_by("pk")[: rows * 2])
    organizations = list(Organization.objects.order_by("pk")[:rows])
    with transaction.atomic():
        article = Article.objects.create(
            headline="A story with fifty of everything",
            slug=ADMIN_STORY_SLUG,
            dek=template.dek,
            body=template.body,
            section=template.section,
            status=Article.Status.PUBLISHED,
            published_at=template.published_at,
        )
        Byline.objects.bulk_create(
            Byline(article=article, person=p, position=i) for i, p in enumerate(people[:rows])
        )
        ArticlePerson.objects.bulk_create(
            ArticlePerson(article=article, person=p, role="about") for p in people[rows:]
        )
        ArticleOrganization.objects.bulk_create(
            ArticleOrganization(article=article, organization=o, role="mentions") for o in organizations
        )
        Quote.objects.bulk_create(
            Quote(article=article, speaker=p, text=f"Words number {i}.", position=i)
            for i, p in enumerate(people[:rows])
        )
    return article
