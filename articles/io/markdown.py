"""Articles from Markdown with YAML front matter (python-frontmatter reads it, Markdown renders it)."""

from pathlib import Path

import frontmatter
import markdown
import yaml

from articles.io.drafts import (
    ArticleDraft,
    derive_slug,
    read_bylines,
    read_lead_image,
    read_links,
    read_quotes,
    read_source,
    read_status,
)
from articles.io.records import Problems, Record, read_text

FRONT_MATTER_FIELDS = {
    "headline", "title", "slug", "dek", "summary", "section", "tags", "status", "published_at",
    "unpublish_at", "source", "canonical_url", "language", "noindex", "lead_image", "bylines", "author",
    "people", "organizations", "events", "quotes",
}  # fmt: skip
MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]


def _when(record: Record, key: str):
    value = record.data.get(key)
    # YAML reads an unquoted 2026-08-01 11:30:00 as a datetime already; keep one code path.
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return record.moment(key, value=value) if value else None


def read_markdown(path: Path, problems: Problems) -> list[ArticleDraft]:
    text = read_text(path, problems)
    if text is None:
        return []
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problems.add(str(path), line, "front matter", f"not valid YAML ({getattr(error, 'problem', error)}).")
        return []
    record = Record(data=dict(post.metadata), file=str(path), line=1, problems=problems)
    record.check_fields(FRONT_MATTER_FIELDS)
    if "title" in record.data and "headline" not in record.data:
        record.data["headline"] = record.data.pop("title")
    if "tags" in record.data and isinstance(record.data["tags"], str):
        record.data["tags"] = [t.strip() for t in record.data["tags"].split(",") if t.strip()]
    if "author" in record.data and "bylines" not in record.data:
        record.data["bylines"] = [record.data.pop("author")]
    content = post.content
    if not record.data.get("headline"):
        # No headline in the front matter: a leading "# Heading" is the headline.
        first, _, rest = content.lstrip().partition("\n")
        if first.startswith("# "):
            record.data["headline"], content = first[2:].strip(), rest
    headline = record.text("headline", required=True)
    source, source_url = read_source(record)
    values = {
        "headline": headline,
        "dek": record.text("dek"),
        "body": markdown.markdown(content, extensions=MARKDOWN_EXTENSIONS),
        "summary": record.text("summary"),
        "status": read_status(record),
        "published_at": _when(record, "published_at"),
        "unpublish_at": _when(record, "unpublish_at"),
        "first_published_at": None,
        "last_published_at": None,
        "source_url": source_url,
        "canonical_url": record.text("canonical_url"),
        "language": record.text("language", "en"),
        "noindex": record.boolean("noindex"),
    }
    return [
        ArticleDraft(
            record=record,
            slug=record.text("slug") or derive_slug(headline),
            values=values,
            section=record.optional_slug("section"),
            source=source,
            tags=[str(t) for t in record.items("tags")],
            bylines=read_bylines(record),
            links=read_links(record),
            quotes=read_quotes(record),
            lead_image=read_lead_image(record),
            kind="markdown",
        )
    ]
