"""Articles from JSON Lines: one ``{"type": "article", ...}`` object a line (docs/formats.md)."""

from pathlib import Path

from articles.io.drafts import (
    ArticleDraft,
    read_bylines,
    read_lead_image,
    read_links,
    read_quotes,
    read_related,
    read_source,
    read_status,
)
from articles.io.records import Problems, Record, json_lines

ARTICLE_FIELDS = {
    "type", "slug", "headline", "dek", "dek_is_derived", "body", "summary", "section", "tags", "status",
    "published_at", "unpublish_at", "first_published_at", "last_published_at", "created_at", "updated_at",
    "source", "canonical_url", "language", "noindex", "lead_image", "bylines", "people", "organizations",
    "events", "quotes", "related", "old_slugs",
}  # fmt: skip


def draft_from_record(record: Record) -> ArticleDraft:
    """Read one article object; every problem is recorded against its field."""
    record.check_fields(ARTICLE_FIELDS)
    source, source_url = read_source(record)
    values = {
        "headline": record.text("headline", required=True),
        "dek": record.text("dek"),
        "dek_is_derived": record.boolean("dek_is_derived"),
        "body": record.text("body"),
        "summary": record.text("summary"),
        "status": read_status(record),
        "published_at": record.moment("published_at"),
        "unpublish_at": record.moment("unpublish_at"),
        "first_published_at": record.moment("first_published_at"),
        "last_published_at": record.moment("last_published_at"),
        "source_url": source_url,
        "canonical_url": record.text("canonical_url"),
        "language": record.text("language", "en"),
        "noindex": record.boolean("noindex"),
    }
    times = {key: record.moment(key) for key in ("created_at", "updated_at")}
    return ArticleDraft(
        record=record,
        slug=record.text("slug", required=True),
        values=values,
        section=record.optional_slug("section"),
        source=source,
        tags=record.strings("tags"),
        bylines=read_bylines(record),
        links=read_links(record),
        quotes=read_quotes(record),
        lead_image=read_lead_image(record),
        related=read_related(record),
        old_slugs=record.strings("old_slugs"),
        times={k: v for k, v in times.items() if v is not None},
        kind="jsonl",
    )


def read_jsonl(path: Path | str, problems: Problems) -> list[ArticleDraft]:
    drafts = []
    for record in json_lines(path, problems):
        if record.type != "article":
            hint = " (entities go to import_entities)" if record.type in READ_BY_ENTITIES else ""
            record.problem("type", f'must be "article", not {record.type!r}{hint}.')
            continue
        drafts.append(draft_from_record(record))
    return drafts


READ_BY_ENTITIES = {"section", "organization", "person", "event"}
