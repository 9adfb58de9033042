"""JSON Lines export of entities and articles: one object a line, keyed by slug, read back unchanged
by ``import_entities`` and ``import_articles`` (the format is described in docs/formats.md)."""

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import IO

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from taggit.models import TaggedItem

from articles.links import ENTITY_LINKS
from articles.models import Article, ArticleSlug, Byline, Quote, RelatedOverride, Section
from newsroom.progress import progress
from organizations.models import Affiliation, Event, Organization, Person


def moment(value: datetime | None) -> str | None:
    """Times leave in UTC, ISO 8601 with the offset, to the microsecond: nothing is lost on the way back."""
    return value.astimezone(UTC).isoformat() if value else None


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def aliases(entity) -> list[dict]:
    return [
        {"name": a.name, "kind": a.kind, "language": a.language}
        for a in sorted(entity.aliases.all(), key=lambda a: a.name)
    ]


def old_slugs(entity) -> list[str]:
    return sorted(s.slug for s in entity.old_slugs.all())


def section_records(queryset=None) -> Iterator[dict]:
    for section in (queryset if queryset is not None else Section.objects.all()).order_by("slug"):
        yield {
            "type": "section",
            "slug": section.slug,
            "name": section.name,
            "description": section.description,
            "position": section.position,
        }


def organization_records(queryset=None) -> Iterator[dict]:
    organizations = (
        (queryset if queryset is not None else Organization.objects.all())
        .select_related("parent")
        .prefetch_related("aliases", "old_slugs")
    )
    for org in organizations.order_by("slug"):
        yield {
            "type": "organization",
            "slug": org.slug,
            "name": org.name,
            "acronym": org.acronym,
            "kind": org.kind,
            "country": org.country,
            "parent": org.parent.slug if org.parent else None,
            "website": org.website,
            "wikidata_id": org.wikidata_id,
            "logo": org.logo.name or "",
            "description": org.description,
            "aliases": aliases(org),
            "old_slugs": old_slugs(org),
            "created_at": moment(org.created_at),
            "updated_at": moment(org.updated_at),
        }


def person_records(queryset=None) -> Iterator[dict]:
    people = (queryset if queryset is not None else Person.objects.all()).prefetch_related(
        "aliases",
        "old_slugs",
        Prefetch("affiliations", queryset=Affiliation.objects.select_related("organization")),
        Prefetch("quotes", queryset=Quote.objects.filter(article__isnull=True), to_attr="own_quotes"),
    )
    for person in people.order_by("slug"):
        affiliations = sorted(
            (
                {
                    "organization": a.organization.slug,
                    "title": a.title,
                    "start": day(a.start_date),
                    "end": day(a.end_date),
                }
                for a in person.affiliations.all()
            ),
            key=lambda a: (a["organization"], a["title"], a["start"] or ""),
        )
        yield {
            "type": "person",
            "slug": person.slug,
            "name": person.name,
            "sort_name": person.sort_name,
            "bio": person.bio,
            "wikidata_id": person.wikidata_id,
            "photo": person.photo.name or "",
            "aliases": aliases(person),
            "affiliations": affiliations,
            "quotes": [
                {"text": q.text, "context": q.context, "said_on": day(q.said_on)} for q in person.own_quotes
            ],
            "old_slugs": old_slugs(person),
            "created_at": moment(person.created_at),
            "updated_at": moment(person.updated_at),
        }


def event_records(queryset=None) -> Iterator[dict]:
    events = (
        (queryset if queryset is not None else Event.objects.all())
        .select_related("parent")
        .prefetch_related("old_slugs", "organizer_links__organization", "participant_links__person")
    )
    for event in events.order_by("slug"):
        yield {
            "type": "event",
            "slug": event.slug,
            "name": event.name,
            "kind": event.kind,
            # In the event's own zone, as an editor entered it; the offset keeps the instant exact.
            "starts_at": event.local_start.isoformat(),
            "ends_at": event.local_end.isoformat() if event.ends_at else None,
            "all_day": event.all_day,
            "timezone": event.timezone,
            "venue": event.venue,
            "city": event.city,
            "country": event.country,
            "description": event.description,
            "parent": event.parent.slug if event.parent else None,
            "organizers": sorted(link.organization.slug for link in event.organizer_links.all()),
            "participants": sorted(
                ({"person": link.person.slug, "role": link.role} for link in event.participant_links.all()),
                key=lambda p: p["person"],
            ),
            "old_slugs": old_slugs(event),
            "created_at": moment(event.created_at),
            "updated_at": moment(event.updated_at),
        }


def entity_records() -> Iterator[dict]:
    yield from section_records()
    yield from organization_records()
    yield from person_records()
    yield from event_records()


def _links(links: Iterable, attr: str) -> list[dict]:
    return sorted(
        ({"slug": getattr(link, attr).slug, "role": link.role} for link in links),
        key=lambda link: (link["slug"], link["role"]),
    )


def article_records(queryset=None) -> Iterator[dict]:
    queryset = (queryset if queryset is not None else Article.objects.all()).order_by("slug")
    articles = queryset.select_related("section", "lead_image", "source_organization").prefetch_related(
        Prefetch("bylines", queryset=Byline.objects.select_related("person").order_by("position", "id")),
        *(f"{link.article_relation}__{link.field}" for link in ENTITY_LINKS),
        Prefetch("quotes", queryset=Quote.objects.select_related("speaker").order_by("position", "id")),
        Prefetch("old_slugs", queryset=ArticleSlug.objects.order_by("slug")),
        Prefetch(
            "related_overrides",
            queryset=RelatedOverride.objects.select_related("related").order_by("kind", "position", "id"),
        ),
    )
    content_type = ContentType.objects.get_for_model(Article)
    for chunk_start in range(0, queryset.count(), 1000):
        chunk = list(articles[chunk_start : chunk_start + 1000])
        tags: dict[int, list[str]] = {}
        for object_id, name in TaggedItem.objects.filter(
            content_type=content_type, object_id__in=[a.pk for a in chunk]
        ).values_list("object_id", "tag__name"):
            tags.setdefault(object_id, []).append(name)
        for article in chunk:
            yield article_record(article, sorted(tags.get(article.pk, [])))


def article_record(article: Article, tags: list[str]) -> dict:
    image = article.lead_image
    return {
        "type": "article",
        "slug": article.slug,
        "headline": article.headline,
        "dek": article.dek,
        "dek_is_derived": article.dek_is_derived,
        "body": article.body,
        "summary": article.summary,
        "section": article.section.slug if article.section else None,
        "tags": tags,
        "status": article.status,
        "published_at": moment(article.published_at),
        "unpublish_at": moment(article.unpublish_at),
        "first_published_at": moment(article.first_published_at),
        "last_published_at": moment(article.last_published_at),
        "created_at": moment(article.created_at),
        "updated_at": moment(article.updated_at),
        "source": {
            "organization": article.source_organization.slug if article.source_organization else None,
            "url": article.source_url,
        },
        "canonical_url": article.canonical_url,
        "language": article.language,
        "noindex": article.noindex,
        "lead_image": {
            "file": image.file.name,
            "width": image.width,
            "height": image.height,
            "alt_text": image.alt_text,
            "caption": image.caption,
            "credit": image.credit,
            "focal_x": image.focal_x,
            "focal_y": image.focal_y,
        }
        if image
        else None,
        "bylines": [{"person": b.person.slug, "role": b.role} for b in article.bylines.all()],
        **{link.plural: _links(link.links_of(article), link.field) for link in ENTITY_LINKS},
        "quotes": [
            {"speaker": q.speaker.slug, "text": q.text, "context": q.context, "said_on": day(q.said_on)}
            for q in article.quotes.all()
        ],
        "related": [
            {"article": o.related.slug, "kind": o.kind, "position": o.position}
            for o in article.related_overrides.all()
        ],
        "old_slugs": [s.slug for s in article.old_slugs.all()],
    }


def write_json_lines(records: Iterable[dict], out: IO[str], *, total: int | None = None, stream=None) -> int:
    """Write one compact JSON object a line; returns how many were written."""
    count = 0
    for record in progress(records, total=total, desc="Exporting", stream=stream):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_entities(out: IO[str], *, stream=None) -> int:
    total = Section.objects.count() + Organization.objects.count() + Person.objects.count()
    total += Event.objects.count()
    return write_json_lines(entity_records(), out, total=total, stream=stream)


def export_articles(out: IO[str], *, queryset=None, stream=None) -> int:
    queryset = queryset if queryset is not None else Article.objects.all()
    return write_json_lines(article_records(queryset), out, total=queryset.count(), stream=stream)
