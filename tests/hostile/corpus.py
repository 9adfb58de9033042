"""The XSS corpus, put into every field an editor types, by the model layer and by every importer.

``build_model_corpus`` writes each payload into its own set of records (an article with its section,
tag, lead image, bylines, entity links and quote; a person with an alias and an affiliation; an
organization and an event with theirs). ``build_imported_corpus`` sends the same payloads through
``import_entities`` and ``import_articles`` (JSON Lines, Markdown, plain text). Both return the
pages that show what was written; ``executable_forms`` says what in a page's HTML could run.
"""

import io
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote_plus

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db.models import Q

from articles.images.models import Image
from articles.models import (
    Article,
    ArticleEvent,
    ArticleOrganization,
    ArticlePerson,
    Byline,
    RelatedArticle,
    Section,
)
from articles.search import search_index_update
from organizations.models import EventAlias, OrganizationAlias
from tests.factories import (
    STORY,
    AffiliationFactory,
    ArticleFactory,
    EventFactory,
    EventParticipantFactory,
    OrganizationFactory,
    PersonAliasFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.images import image_bytes

#: The tag every corpus story carries besides its own, so its listing shows them all.
SHARED_TAG = "hostile"
#: Payloads per Markdown or plain-text page.
BATCH = 7
PAYLOAD_FILE = Path(__file__).with_name("xss_payloads.txt")


def payloads() -> list[str]:
    lines = PAYLOAD_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("# ")]


def label(i: int) -> str:
    """A distinct leading word per payload, so no two names are spellings of one another."""
    return "Case" + "".join("abcdefghij"[int(d)] for d in f"{i:02d}")


@dataclass
class Corpus:
    public: list[str] = field(default_factory=list)
    admin: list[str] = field(default_factory=list)
    refused: dict[str, list[str]] = field(default_factory=dict)


def _every(items: list, stride: int) -> list:
    """Every ``stride``-th record: pages that repeat one template for each record are sampled."""
    return items[::stride]


def _admin_pages(articles, people, orgs, events) -> list[str]:
    # The lists show every record; the change forms (one template each, slow to render) a sample.
    pages = [
        f"/admin/{model}/"
        for model in (
            "articles/article",
            "articles/section",
            "articles/image",
            "articles/quote",
            "organizations/person",
            "organizations/organization",
            "organizations/event",
            "organizations/affiliation",
            "organizations/eventalias",
            "taggit/tag",
        )
    ]
    pages += [f"/admin/articles/article/{a.pk}/change/" for a in _every(articles, 8)]
    pages += [f"/admin/organizations/person/{p.pk}/change/" for p in _every(people, 20)]
    pages += [f"/admin/organizations/organization/{o.pk}/change/" for o in _every(orgs, 20)]
    pages += [f"/admin/organizations/event/{e.pk}/change/" for e in _every(events, 20)]
    return pages


def _public_pages(articles, people, orgs, events, texts) -> list[str]:
    """Every article page and entity page (each has its own JSON-LD and meta tags), every page of
    the listings that show them all, and the search page with each payload as its query."""
    pages = ["/", "/people/?letter=C", "/organizations/?letter=C", "/events/?letter=C"]
    pages += ["/feeds/rss/", "/feeds/atom/", "/feeds/json/", "/sitemap-tags.xml", "/news-sitemap.xml"]
    pages += [f"/tags/{SHARED_TAG}/?page={n}" for n in range(1, len(articles) // 20 + 2)]
    pages += [f"/tags/{SHARED_TAG}/feed/", f"/tags/{SHARED_TAG}/feed/json/"]
    sections = sorted({a.section.slug for a in articles if a.section_id})
    pages += [f"/sections/{slug}/" for slug in _every(sections, 8)]
    pages += [f"/sections/{sections[0]}/feed/atom/"]
    public = set(Article.objects.published().values_list("pk", flat=True))
    articles = [a for a in articles if a.pk in public]  # a payload that ate the text made a stub
    for article in articles:
        pages.append(article.get_absolute_url())
    for article in _every(articles, 10):
        pages.append(f"/articles/{article.slug}/related/")
        pages += [f"/tags/{tag.slug}/" for tag in article.tags.all()]
    pages += [entity.get_absolute_url() for entity in [*people, *orgs, *events]]
    pages += [f"{people[0].get_absolute_url()}feed/json/", f"{orgs[0].get_absolute_url()}feed/"]
    # The search page repeats the query: every payload as the query itself, and a word all share.
    pages += [f"/search/?q={quote_plus(text)}" for text in texts]
    pages += ["/search/?q=relief", "/search/?q=relief&page=2"]
    return list(dict.fromkeys(pages))


def build_model_corpus() -> Corpus:
    """Every payload in every editor-facing field, written through the models (as the admin saves)."""
    articles, people, orgs, events, links = [], [], [], [], []
    texts = payloads()
    for i, p in enumerate(texts):
        name = f"{label(i)} {p}"
        section = Section.objects.create(name=name[:100], slug=f"xss-section-{i}", description=p, position=i)
        image = Image(
            file=SimpleUploadedFile(f"p{i}.jpg", image_bytes("JPEG", (40, 30))),
            alt_text=p,
            caption=p,
            credit=p,
        )
        image.save()
        person = PersonFactory(name=name, slug=f"xss-person-{i}", bio=p)
        PersonAliasFactory(person=person, name=f"{label(i)} Alias {p}")
        org = OrganizationFactory(name=name, slug=f"xss-org-{i}", acronym=f"{i:02d}{p}"[:30], description=p)
        OrganizationAlias.objects.create(organization=org, name=f"{label(i)} Other {p}")
        event = EventFactory(name=name, slug=f"xss-event-{i}", venue=p, city=p[:100], description=p)
        EventAlias.objects.create(event=event, name=f"{label(i)} Meeting {p}")
        EventParticipantFactory(event=event, person=person, role=p[:100])
        AffiliationFactory(person=person, organization=org, title=p)
        article = ArticleFactory(
            headline=name,
            slug=f"xss-{i}",
            dek=p,
            summary=p,
            body=f"<p>{label(i)} opens the story.</p>{p}{STORY}",
            section=section,
            lead_image=image,
            source_organization=org,
            tags=[name[:100], SHARED_TAG],
        )
        links += [
            Byline(article=article, person=person, role=Byline.Role.AUTHOR),
            ArticlePerson(article=article, person=person, role="about"),
            ArticleOrganization(article=article, organization=org, role="mentions"),
            ArticleEvent(article=article, event=event, role="about"),
        ]
        QuoteFactory(article=article, speaker=person, text=p, context=p)
        articles.append(article)
        people.append(person)
        orgs.append(org)
        events.append(event)
    for model in (Byline, ArticlePerson, ArticleOrganization, ArticleEvent):
        model.objects.bulk_create([link for link in links if type(link) is model])
    # Each story's stored related list names the next one (what rebuild_related would store).
    RelatedArticle.objects.bulk_create(
        RelatedArticle(article=a, related=b, rank=1, score=1, shared=[])
        for a, b in zip(articles, articles[1:] + articles[:1], strict=True)
    )
    search_index_update([a.pk for a in articles])
    return Corpus(
        public=_public_pages(articles, people, orgs, events, texts),
        admin=_admin_pages(articles, people, orgs, events),
    )


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _import(command: str, files: list[Path], *args: str) -> tuple[set[tuple[str, int]], str]:
    """Run an import; a refused run names its lines. Returns the refused (file, line)s and the messages."""
    err = io.StringIO()
    try:
        call_command(command, *map(str, files), *args, stdout=io.StringIO(), stderr=err)
    except CommandError as error:
        text = err.getvalue() + str(error)
        places = {(f, int(n)) for f, n in re.findall(r"^(?:CommandError: )?(\S+?):(\d+): ", text, re.M)}
        places |= {(f, int(n)) for f, n in re.findall(r"^(\S+?):(\d+): ", str(error), re.M)}
        assert places, f"{command} refused the run without naming a line: {text}"
        return places, text
    return set(), ""


def build_imported_corpus(folder: Path) -> Corpus:
    """The same payloads through import_entities and import_articles (JSON Lines, Markdown, plain text).

    An import refuses a whole run for one bad record; a record refused for a payload (a body whose
    cleaning would drop words, say) is reported with its line and a message, then left out and the
    run is tried again: refusing is a fine outcome, storing something that runs is not.
    """
    texts = payloads()
    corpus = Corpus()
    entities = []
    for i, p in enumerate(texts):
        name = f"{label(i)} Imported {p}"
        entities += [
            {"type": "section", "slug": f"imp-section-{i}", "name": name[:100], "description": p},
            {
                "type": "organization", "slug": f"imp-org-{i}", "name": name, "acronym": f"I{i:02d}{p}"[:30],
                "kind": "ngo", "description": p,
                "aliases": [{"name": f"{label(i)} Imported other {p}", "kind": "spelling", "language": ""}],
            },
            {
                "type": "person", "slug": f"imp-person-{i}", "name": name, "bio": p,
                "aliases": [{"name": f"{label(i)} Imported alias {p}", "kind": "spelling", "language": ""}],
                "affiliations": [{"organization": f"imp-org-{i}", "title": p, "start": None, "end": None}],
                "quotes": [{"text": p, "context": p, "said_on": "2026-07-30"}],
            },
            {
                "type": "event", "slug": f"imp-event-{i}", "name": name, "kind": "meeting",
                "starts_at": "2026-07-26T10:00:00+03:30", "ends_at": "2026-07-26T12:00:00+03:30",
                "timezone": "Asia/Tehran", "venue": p, "city": p[:100], "description": p,
                "organizers": [f"imp-org-{i}"],
                "participants": [{"person": f"imp-person-{i}", "role": p[:100]}],
            },
        ]  # fmt: skip
    _import_all(corpus, "import_entities", [_jsonl(folder / "entities.jsonl", entities)])

    records = [
        {
            "type": "article", "slug": f"imp-jsonl-{i}", "headline": f"{label(i)} JSON {p}"[:250], "dek": p,
            "summary": p, "body": f"<p>{label(i)} opens the story.</p>{p}{STORY}",
            "section": f"imp-section-{i}",
            "tags": [f"{label(i)} json {p}"[:100], SHARED_TAG], "status": "published",
            "source": {"organization": f"imp-org-{i}", "url": ""},
            "bylines": [{"person": f"imp-person-{i}", "role": "author"}],
            "people": [{"slug": f"imp-person-{i}", "role": "about"}],
            "organizations": [{"slug": f"imp-org-{i}", "role": "mentions"}],
            "events": [{"slug": f"imp-event-{i}", "role": "about"}],
            "quotes": [{"speaker": f"imp-person-{i}", "text": p, "context": p, "said_on": "2026-08-01"}],
        }
        for i, p in enumerate(texts)
    ]  # fmt: skip
    _import_all(corpus, "import_articles", [_jsonl(folder / "articles.jsonl", records)])

    # Markdown and plain-text pages carry a batch of payloads each: the first as the headline, the
    # second as the standfirst, every one as a tag (Markdown) and as a paragraph and a quotation.
    markdown, pages = [], []
    for n, start in enumerate(range(0, len(texts), BATCH)):
        batch = texts[start : start + BATCH]
        front = {
            "headline": f"{label(start)} Markdown {batch[0]}",
            "slug": f"imp-md-{n}",
            "dek": batch[-1],
            "tags": [SHARED_TAG, *(f"{label(start + k)} md {p}"[:100] for k, p in enumerate(batch))],
            "section": f"imp-section-{start}",
            "author": {"person": f"imp-person-{start}", "role": "author"},
            "people": [{"slug": f"imp-person-{start}", "role": "about"}],
        }
        text = "---\n" + "\n".join(f"{k}: {json.dumps(v)}" for k, v in front.items()) + "\n---\n\n"
        text += f"{label(start)} opens the story.\n\n{_plain_story()}\n\n"
        text += "".join(f"Then {label(start + k)}: {p}\n\n" for k, p in enumerate(batch))
        markdown.append(folder / f"story-{n}.md")
        markdown[-1].write_text(text, encoding="utf-8")
        text = f"{label(start)} Plain {batch[0]}\n\n{label(start)} opens the story.\n\n{_plain_story()}\n\n"
        text += "".join(f"{label(start + k)} said: {p}\n\n“{p}”\n\n" for k, p in enumerate(batch))
        pages.append(folder / f"page-{n}.txt")
        pages[-1].write_text(text, encoding="utf-8")
    _import_all(corpus, "import_articles", markdown, "--publish")
    _import_all(
        corpus,
        "import_articles",
        pages,
        "--publish",
        "--section",
        "imp-section-0",
        "--author",
        "imp-person-0",
    )

    articles = list(
        Article.objects.filter(Q(slug__startswith="imp-") | Q(headline__contains=" Plain "))
        .select_related("section")
        .prefetch_related("tags")
    )
    from organizations.models import Event, Organization, Person

    people = list(Person.objects.filter(slug__startswith="imp-"))
    orgs = list(Organization.objects.filter(slug__startswith="imp-"))
    events = list(Event.objects.filter(slug__startswith="imp-"))
    assert len(articles) >= len(texts) * 0.9 + 2 * len(pages) * 0.8, "most imported articles were stored"
    corpus.public = _public_pages(articles, people, orgs, events, [])
    corpus.admin = _admin_pages(articles, people, orgs, events)
    return corpus


def _plain_story() -> str:
    return re.sub(r"</?p>", "\n\n", STORY).strip()


def _import_all(corpus: Corpus, command: str, files: list[Path], *args: str) -> None:
    """Import, leaving out (and recording) what the importer refused with a message.

    A refused record can take others with it (an event whose organizer was refused): the run is
    tried again without them, a few times at most.
    """
    for _attempt in range(4):
        places, text = _import(command, files, *args)
        if not places:
            return
        corpus.refused.setdefault(command, []).append(text)
        kept = []
        for path in files:
            refused = {line for f, line in places if Path(f).name == path.name}
            if not refused:
                kept.append(path)
            elif path.suffix == ".jsonl":
                lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
                path.write_text("".join(x for n, x in enumerate(lines, 1) if n not in refused), "utf-8")
                kept.append(path)
        files = kept
    raise AssertionError(f"{command} kept refusing: {corpus.refused[command][0]}")


# --- What could run -------------------------------------------------------------------------------

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "background",
    "poster",
    "srcset",
}
# (Inline <svg> and <math> are only as dangerous as the scripts and handlers in them, checked below.)
DANGEROUS_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "isindex"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
SCRIPT_TYPES = {"application/ld+json", "application/json"}
#: What the corpus's payloads call. The site's own inline scripts (the admin's, under the CSP nonce)
#: never do; a script element built from stored text would.
PAYLOAD_CODE = re.compile(r"alert|__xss|msgbox|fromCharCode|atob\(|constructor\.constructor")


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script: str | None = None
        self.script_type = ""
        self.inline_code = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            squeezed = re.sub(r"[\x00-\x20]", "", (value or "")).lower()
            if name in URL_ATTRIBUTES and squeezed.startswith(DANGEROUS_SCHEMES):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("srcdoc",) or (
                name == "style" and ("expression(" in squeezed or "javascript:" in squeezed)
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>")
        if tag == "script":
            self.script, self.script_type = "", (attributes.get("type") or "").lower()
            self.inline_code = not attributes.get("src") and self.script_type not in SCRIPT_TYPES
            src = attributes.get("src") or ""
            if src and not (src.startswith("/") and not src.startswith("//")):  # only the site's own
                self.found.append(f"<script src={src!r}>")

    def handle_data(self, data):
        if self.script is not None:
            self.script += data

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            if self.inline_code and PAYLOAD_CODE.search(self.script):
                self.found.append(f"<script> running payload code: {self.script.strip()[:80]!r}")
            elif self.script.strip() and not self.inline_code:
                try:
                    json.loads(self.script)
                except ValueError:
                    self.found.append(f"<script type={self.script_type}> that is not JSON")
            self.script = None


def executable_forms(html: str) -> list[str]:
    """What in this HTML a browser could run: script elements with payload code, event handlers,
    script URLs, frames and foreign content. Empty for a clean page."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found
