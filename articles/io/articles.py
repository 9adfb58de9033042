"""``import_articles``: check every article of the run against the database, then write them all
with bulk inserts in one transaction, and tell :mod:`articles.changes` once with every id."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.changes import content_changed
from articles.html import clean_body, text_lost_by_cleaning
from articles.images.models import stored_size
from articles.io.drafts import ArticleDraft
from articles.io.jsonl import read_jsonl
from articles.io.records import Problems
from articles.links import ENTITY_LINKS
from articles.models import (
    Article,
    ArticleSlug,
    Byline,
    Image,
    Quote,
    RelatedOverride,
    Section,
)
from articles.text import stub_reason
from articles.workflow.services import publish_problems
from newsroom.progress import progress

BATCH = 1000
MAX_TAG_LENGTH = Tag._meta.get_field("name").max_length
SCALAR_FIELDS = [
    "headline", "dek", "body", "summary", "status", "published_at", "unpublish_at", "first_published_at",
    "last_published_at", "source_url", "canonical_url", "language", "noindex",
]  # fmt: skip
LINK_MODELS = {link.plural: (link.link_model, link.field, link.entity_model) for link in ENTITY_LINKS}


@dataclass
class ImportOptions:
    dry_run: bool = False
    publish: bool = False
    section: str | None = None
    author: str | None = None
    update: bool = False
    #: Plain-text pages: link the entities the text names (role from prominence), not only list them.
    link: bool = False
    #: With ``link``: also create the people, organizations and events the text introduces (unreviewed).
    new: bool = False


@dataclass
class ArticleImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    dry_run: bool = False
    articles: list[Article] = field(default_factory=list)
    drafts: list[ArticleDraft] = field(default_factory=list)
    #: Plain-text pages: slug -> entities named in the text but not linked (issue "entity graph").
    suggestions: dict[str, list] = field(default_factory=dict)
    linked: int = 0
    #: Plain-text pages: slug -> new entities the text introduces (see articles.linking.proposals).
    proposals: dict[str, list] = field(default_factory=dict)
    created_entities: int = 0

    def summary(self) -> str:
        if self.dry_run:
            return (
                f"Dry run, nothing written: {len(self.created)} articles would be created, "
                f"{len(self.updated)} updated."
            )
        return f"Imported {len(self.created)} new articles and updated {len(self.updated)}."


def _readers() -> dict[str, Callable[[Path, Problems], list[ArticleDraft]]]:
    from articles.io.markdown import read_markdown
    from articles.io.plaintext import read_plain_text

    return {
        ".jsonl": read_jsonl,
        ".ndjson": read_jsonl,
        ".md": read_markdown,
        ".markdown": read_markdown,
        ".txt": read_plain_text,
    }


def read_drafts(paths: list[Path | str], problems: Problems) -> list[ArticleDraft]:
    readers = _readers()
    drafts: list[ArticleDraft] = []
    for path in map(Path, paths):
        reader = readers.get(path.suffix.lower())
        if reader is None:
            problems.add(
                str(path), 0, "file", "unknown format: name it .jsonl (JSON Lines), .md (Markdown) or .txt."
            )
            continue
        drafts.extend(reader(path, problems))
    return drafts


def apply_options(drafts: list[ArticleDraft], options: ImportOptions, now) -> set[int]:
    """Fill what the options say; returns the drafts (by id) published "now" for want of a time."""
    published_now = set()
    for draft in drafts:
        if options.section and not draft.section:
            draft.section = options.section
        if options.author and not draft.bylines:
            draft.bylines = [(options.author, "author")]
        values = draft.values
        if options.publish:
            values["status"] = Article.Status.PUBLISHED
        if values["status"] == Article.Status.PUBLISHED and values["published_at"] is None:
            if draft.dated is not None and draft.dated <= now:
                # A wire page published with its own date line keeps it: it came out then.
                values["published_at"] = draft.dated
            else:
                values["published_at"] = now
                published_now.add(id(draft))
    return published_now


def _lookup(model, slugs: set[str], field_name: str = "slug") -> dict[str, int]:
    if not slugs:
        return {}
    return dict(model.objects.filter(**{f"{field_name}__in": slugs}).values_list(field_name, "pk"))


@dataclass
class Resolved:
    sections: dict[str, int]
    entities: dict[str, dict[str, int]]
    existing: dict[str, Article]
    related_targets: dict[str, int]
    #: Drafts (by id) the publish gate let through, so known not to be stubs.
    gated: set[int] = field(default_factory=set)
    #: Drafts (by id) published now because the file gave no time.
    published_now: set[int] = field(default_factory=set)


def check(drafts: list[ArticleDraft], options: ImportOptions) -> Resolved:
    """Every rule the database would enforce, and every reference, checked before any write."""
    run_slugs: dict[str, ArticleDraft] = {}
    for draft in drafts:
        record = draft.record
        values = draft.values
        if draft.slug:
            if draft.slug in run_slugs:
                record.problem("slug", f"{draft.slug!r} is also {run_slugs[draft.slug].where} in this run.")
            run_slugs[draft.slug] = draft
        checked = {k: values[k] for k in ("headline", "canonical_url", "language")}
        if draft.slug or values["headline"]:  # no headline, no slug made from it: one problem, not two
            checked["slug"] = draft.slug
        record.validate_model_fields(Article, checked)
        if values["source_url"]:
            record.validate_model_fields(Article, {"source_url": values["source_url"]}, prefix="source.")
        lost = text_lost_by_cleaning(values["body"] or "")
        if lost:
            record.problem(
                "body", f"cleaning its HTML would remove written text ({lost[:120]!r}); fix the markup."
            )
        for tag in draft.tags:
            if len(tag) > MAX_TAG_LENGTH or not tag.strip():
                record.problem("tags", f"{tag[:40]!r} is not a tag (1 to {MAX_TAG_LENGTH} characters).")
        if values["status"] == Article.Status.SCHEDULED and values["published_at"] is None:
            record.problem("published_at", "a scheduled article needs a publish time.")
        if (
            values["unpublish_at"]
            and values["published_at"]
            and values["unpublish_at"] <= values["published_at"]
        ):
            record.problem("unpublish_at", "must be after published_at.")

    sections = _lookup(Section, {d.section for d in drafts if d.section})
    wanted: dict[str, set[str]] = {kind: set() for kind in LINK_MODELS}
    for draft in drafts:
        wanted["people"].update(p for p, _ in draft.bylines)
        wanted["people"].update(q["speaker"] for q in draft.quotes)
        wanted["organizations"].update([draft.source] if draft.source else [])
        for kind, slug, _ in draft.links:
            wanted[kind].add(slug)
    entities = {kind: _lookup(LINK_MODELS[kind][2], slugs) for kind, slugs in wanted.items()}
    existing = {a.slug: a for a in Article.objects.filter(slug__in=list(run_slugs))}
    related_targets = _lookup(Article, {r["article"] for d in drafts for r in d.related} - set(run_slugs))
    taken_old = dict(
        ArticleSlug.objects.filter(slug__in={s for d in drafts for s in d.old_slugs}).values_list(
            "slug", "owner__slug"
        )
    )
    names = {"people": "person", "organizations": "organization", "events": "event"}

    def need(draft: ArticleDraft, kind: str, slug: str, where: str) -> None:
        if slug not in entities[kind]:
            draft.record.problem(
                where, f"no {names[kind]} with the slug {slug!r}; import it first with import_entities."
            )

    for draft in drafts:
        record = draft.record
        if draft.slug in existing and not options.update:
            record.problem("slug", f"an article {draft.slug!r} already exists; use --update to replace it.")
        if draft.section and draft.section not in sections:
            known = ", ".join(Section.objects.values_list("slug", flat=True)) or "none yet"
            record.problem("section", f"no section {draft.section!r} (sections: {known}).")
        if draft.source:
            need(draft, "organizations", draft.source, "source.organization")
        for i, (person, _) in enumerate(draft.bylines):
            need(draft, "people", person, f"bylines[{i}].person")
        for i, quote in enumerate(draft.quotes):
            need(draft, "people", quote["speaker"], f"quotes[{i}].speaker")
        for kind, slug, _ in draft.links:
            need(draft, kind, slug, kind)
        for i, related in enumerate(draft.related):
            if related["article"] == draft.slug:
                record.problem(f"related[{i}]", "an article cannot be related to itself.")
            elif related["article"] not in run_slugs and related["article"] not in related_targets:
                record.problem(f"related[{i}].article", f"no article {related['article']!r}.")
        for slug in draft.old_slugs:
            if slug in taken_old and taken_old[slug] != draft.slug:
                record.problem("old_slugs", f"{slug!r} already redirects to the article {taken_old[slug]!r}.")
            if slug in run_slugs:
                record.problem("old_slugs", f"{slug!r} is the current slug of an article in this run.")
    gated = _check_publish_gate(drafts)
    return Resolved(sections, entities, existing, related_targets, gated)


PUBLIC_STATUSES = (Article.Status.PUBLISHED, Article.Status.SCHEDULED)


def _check_publish_gate(drafts: list[ArticleDraft]) -> set[int]:
    """The workflow's publish gate (the admin's own rule) for every article the run makes public.

    Evaluated on the draft in memory, so a run of 10,000 articles costs one query (the alt text of
    lead images already in the library, which the import reuses) rather than one per article.
    Returns the ids of the drafts it let through.
    """
    passed = set()
    public = [d for d in drafts if d.values["status"] in PUBLIC_STATUSES]
    files = {d.lead_image["file"] for d in public if d.lead_image}
    known_alt = dict(Image.objects.filter(file__in=files).values_list("file", "alt_text")) if files else {}
    for draft in public:
        lead_image = None
        if draft.lead_image:
            file = draft.lead_image["file"]
            lead_image = Image(alt_text=known_alt.get(file, draft.lead_image["alt_text"]))
        problems = publish_problems(
            body=draft.values["body"],
            dek=draft.values["dek"],
            lead_image=lead_image,
            byline_count=len(draft.bylines),
        )
        if problems:  # one line per article, every reason on it
            draft.record.problem("publish", " ".join(problems))
        else:
            passed.add(id(draft))
    return passed


def _article_fields(article: Article, draft: ArticleDraft, resolved: Resolved, images: dict) -> None:
    values = draft.values
    first_published, last_published = article.first_published_at, article.last_published_at
    # As article_publish does: an article already out keeps its publish time when no new one is given.
    already_out = article.pk and article.status == Article.Status.PUBLISHED and article.published_at
    kept_time = article.published_at if already_out and id(draft) in resolved.published_now else None
    for name in SCALAR_FIELDS:
        setattr(article, name, values[name])
    if kept_time is not None and kept_time <= values["published_at"]:
        article.published_at = kept_time
    # A replaced article keeps its publishing history unless the file gives one.
    article.first_published_at = values["first_published_at"] or first_published
    article.last_published_at = values["last_published_at"] or last_published
    article.slug = draft.slug
    article.dek_is_derived = bool(values.get("dek_is_derived")) and bool(values["dek"])
    article.body = clean_body(values["body"])
    # The gate refuses stubs, so what it let through is no stub (and the text is not read twice).
    article.is_stub = id(draft) not in resolved.gated and stub_reason(article.body) is not None
    article.section_id = resolved.sections.get(draft.section) if draft.section else None
    article.source_organization_id = (
        resolved.entities["organizations"].get(draft.source) if draft.source else None
    )
    article.lead_image_id = images[draft.lead_image["file"]] if draft.lead_image else None
    # As Article.save does: a published article remembers when it first and last went out.
    if article.status == Article.Status.PUBLISHED and article.published_at:
        article.first_published_at = article.first_published_at or article.published_at
        article.last_published_at = values["last_published_at"] or article.published_at


def _images(drafts: list[ArticleDraft]) -> dict[str, int]:
    wanted = {d.lead_image["file"]: d.lead_image for d in drafts if d.lead_image}
    if not wanted:
        return {}
    found = dict(Image.objects.filter(file__in=wanted).values_list("file", "pk"))
    new = [Image(**data) for name, data in wanted.items() if name not in found]
    for image in new:  # bulk_create skips Image.save: the size feeds give is read here, once
        image.file_size = stored_size(image.file)
    Image.objects.bulk_create(new)
    found.update({image.file.name: image.pk for image in new})
    return found


def write(drafts: list[ArticleDraft], resolved: Resolved, now) -> tuple[list[Article], list[Article]]:
    images = _images(drafts)
    created: list[Article] = []
    updated: list[Article] = []
    # --update replaces stored articles on purpose: lock them and raise their current versions, so
    # an editor's form opened before the import is refused instead of silently overwriting it.
    Article.lock_current_versions(resolved.existing.values())
    for draft in progress(drafts, total=len(drafts), desc="Importing"):
        article = resolved.existing.get(draft.slug)
        if article is None:
            article = Article()
            created.append(article)
        else:
            article.version += 1
            updated.append(article)
        _article_fields(article, draft, resolved, images)
        article.updated_at = draft.times.get("updated_at", now)
        if "created_at" in draft.times:
            article.created_at = draft.times["created_at"]
        article._draft = draft
    Article.objects.bulk_create(created, batch_size=BATCH)
    # bulk_create stamps created_at/updated_at with "now"; times from the file win (bulk_update
    # does not touch auto_now fields).
    stamped = [a for a in created if a._draft.times]
    for article in stamped:
        article.created_at = article._draft.times.get("created_at", article.created_at)
        article.updated_at = article._draft.times.get("updated_at", article.updated_at)
    Article.objects.bulk_update(stamped, ["created_at", "updated_at"], batch_size=BATCH)
    update_fields = [
        *SCALAR_FIELDS, "dek_is_derived", "is_stub", "section", "source_organization", "lead_image",
        "version", "updated_at",
    ]  # fmt: skip
    Article.objects.bulk_update(updated, update_fields, batch_size=BATCH)

    articles = created + updated
    ids = {a.slug: a.pk for a in articles}
    updated_ids = [a.pk for a in updated]
    for model in (Byline, *(link.link_model for link in ENTITY_LINKS), Quote, RelatedOverride):
        model.objects.filter(article_id__in=updated_ids).delete()
    content_type = ContentType.objects.get_for_model(Article)
    TaggedItem.objects.filter(content_type=content_type, object_id__in=updated_ids).delete()

    bylines, quotes, overrides, old_slugs = [], [], [], []
    links: dict[str, list] = {kind: [] for kind in LINK_MODELS}
    for article in articles:
        draft = article._draft
        people = resolved.entities["people"]
        bylines += [
            Byline(article_id=article.pk, person_id=people[p], role=role, position=i)
            for i, (p, role) in enumerate(draft.bylines)
        ]
        quotes += [
            Quote(
                article_id=article.pk,
                speaker_id=people[q["speaker"]],
                text=q["text"],
                context=q["context"],
                said_on=q["said_on"],
                position=i,
            )
            for i, q in enumerate(draft.quotes)
        ]
        for kind, slug, role in draft.links:
            model, attr, _ = LINK_MODELS[kind]
            links[kind].append(
                model(article_id=article.pk, role=role, **{f"{attr}_id": resolved.entities[kind][slug]})
            )
        overrides += [
            RelatedOverride(
                article_id=article.pk,
                related_id=ids.get(r["article"]) or resolved.related_targets[r["article"]],
                kind=r["kind"],
                position=r["position"],
            )
            for r in draft.related
        ]
        old_slugs += [ArticleSlug(slug=s, owner_id=article.pk) for s in draft.old_slugs]
    Byline.objects.bulk_create(bylines, batch_size=BATCH)
    Quote.objects.bulk_create(quotes, batch_size=BATCH)
    for kind, rows in links.items():
        LINK_MODELS[kind][0].objects.bulk_create(rows, batch_size=BATCH)
    RelatedOverride.objects.bulk_create(overrides, batch_size=BATCH)
    # The current slug is never also an old one (as on save): a slug taken back stops redirecting.
    ArticleSlug.objects.filter(slug__in=list(ids)).delete()
    ArticleSlug.objects.bulk_create(old_slugs, batch_size=BATCH, ignore_conflicts=True)
    _write_tags(articles, content_type)
    return created, updated


def _write_tags(articles: list[Article], content_type: ContentType) -> None:
    names = {name for a in articles for name in a._draft.tags}
    tags = {t.name: t for t in Tag.objects.filter(name__in=names)}
    for name in sorted(names - set(tags)):
        tags[name] = Tag.objects.create(name=name)  # taggit makes the slug unique
    TaggedItem.objects.bulk_create(
        (
            TaggedItem(content_type=content_type, object_id=a.pk, tag=tags[name])
            for a in articles
            for name in dict.fromkeys(a._draft.tags)
        ),
        batch_size=BATCH,
    )


def import_drafts(
    drafts: list[ArticleDraft], options: ImportOptions, problems: Problems
) -> ArticleImportReport:
    now = timezone.now()
    published_now = apply_options(drafts, options, now)
    resolved = check(drafts, options)
    resolved.published_now = published_now
    problems.raise_if_any()
    report = ArticleImportReport(dry_run=options.dry_run, drafts=drafts)
    if options.dry_run:
        report.created = [d.slug for d in drafts if d.slug not in resolved.existing]
        report.updated = [d.slug for d in drafts if d.slug in resolved.existing]
        unsaved = []
        for draft in (d for d in drafts if d.kind == "text"):
            unsaved.append(Article(headline=draft.values["headline"], body=clean_body(draft.values["body"])))
            unsaved[-1]._draft = draft
        _suggest(report, unsaved, link=False)
        return report
    with transaction.atomic():
        created, updated = write(drafts, resolved, now)
        content_changed(article_ids=[a.pk for a in created + updated], reason="articles imported")
        _suggest(report, created + updated, link=options.link, new=options.new)
        _note_near_duplicates(created + updated)
    report.created = [a.slug for a in created]
    report.updated = [a.slug for a in updated]
    report.articles = created + updated
    return report


def _suggest(report: ArticleImportReport, articles: list[Article], *, link: bool, new: bool = False) -> None:
    """For plain-text pages: the people, organizations and events the text names, linked on request."""
    pages = [a for a in articles if a._draft.kind == "text"]
    if not pages:
        return
    from articles.linking import importing

    importing.link_imported(report, pages, link=link, new=new)


def _note_near_duplicates(articles: list[Article]) -> None:
    """Warn, in the import's report, about a story that repeats a stored one (re-sent, retitled)."""
    from articles.related.scoring import published_total
    from articles.related.terms import near_duplicate_notes

    notes = near_duplicate_notes(articles, total=published_total())
    for article in articles:
        article._draft.record.notes += notes.get(article.pk, [])


def import_articles(paths: list[Path | str], options: ImportOptions | None = None) -> ArticleImportReport:
    """Read every file, check everything, then write it all in one transaction (or nothing)."""
    options = options or ImportOptions()
    problems = Problems()
    drafts = read_drafts(paths, problems)
    return import_drafts(drafts, options, problems)
