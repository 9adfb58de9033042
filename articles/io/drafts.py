"""An article as read from any import format, before it is checked against the database."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.text import slugify

from articles.io.records import Record
from articles.models import Article, Byline, Image, LinkRole, Quote

ENTITY_KINDS = ("people", "organizations", "events")
ROLES = {
    "people": {LinkRole.ABOUT, LinkRole.MENTIONS, LinkRole.QUOTED},
    "organizations": {LinkRole.ABOUT, LinkRole.MENTIONS},
    "events": {LinkRole.ABOUT, LinkRole.MENTIONS},
}
IMAGE_FIELDS = {"file", "width", "height", "alt_text", "caption", "credit", "focal_x", "focal_y"}


@dataclass
class ArticleDraft:
    record: Record
    slug: str
    values: dict
    section: str | None = None
    source: str | None = None
    tags: list[str] = field(default_factory=list)
    bylines: list[tuple[str, str]] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    lead_image: dict | None = None
    related: list[dict] = field(default_factory=list)
    old_slugs: list[str] = field(default_factory=list)
    times: dict[str, datetime] = field(default_factory=dict)
    kind: str = "jsonl"
    #: Plain-text pages: quotes whose speaker is not (yet) a known person, speaker's name as written.
    unattached_quotes: list = field(default_factory=list)
    #: Plain-text pages: the time of the page's date line, the publish time when it is published.
    dated: datetime | None = None

    @property
    def where(self) -> str:
        return f"{self.record.file}:{self.record.line}"


def derive_slug(headline: str) -> str:
    """The web address made from the headline; a headline in another script gets a stable made-up one."""
    if not headline:
        return ""
    slug = slugify(headline)[:200].strip("-")
    if slug:
        return slug
    return "article-" + hashlib.sha1(headline.encode(), usedforsecurity=False).hexdigest()[:10]


def read_status(record: Record) -> str:
    status = record.text("status", Article.Status.DRAFT)
    if status not in Article.Status.values:
        record.problem("status", f"must be one of {', '.join(Article.Status.values)}, not {status!r}.")
        return Article.Status.DRAFT
    return status


def read_bylines(record: Record, key: str = "bylines") -> list[tuple[str, str]]:
    """``[{"person": slug, "role": "author"}]``, or plain slugs for authors."""
    bylines = []
    for i, item in enumerate(record.items(key)):
        if isinstance(item, str):
            item = {"person": item}
        if not isinstance(item, dict) or not isinstance(item.get("person"), str):
            record.problem(f"{key}[{i}]", 'must be a person\'s slug or {"person": slug, "role": role}.')
            continue
        for extra in set(item) - {"person", "role"}:
            record.problem(f"{key}[{i}].{extra}", "unknown field; a byline has person and role.")
        role = item.get("role") or Byline.Role.AUTHOR
        if role not in Byline.Role.values:
            record.problem(f"{key}[{i}].role", f"must be one of {', '.join(Byline.Role.values)}.")
            continue
        if (item["person"], role) in bylines:
            record.problem(f"{key}[{i}]", f"{item['person']!r} is already in the byline as {role}.")
            continue
        bylines.append((item["person"], role))
    return bylines


def read_links(record: Record) -> list[tuple[str, str, str]]:
    """Entity links by kind: ``[{"slug": s, "role": "about"}]``, or plain slugs (role "about")."""
    links: list[tuple[str, str, str]] = []
    for kind in ENTITY_KINDS:
        for i, item in enumerate(record.items(kind)):
            if isinstance(item, str):
                item = {"slug": item}
            if not isinstance(item, dict) or not isinstance(item.get("slug"), str):
                record.problem(f"{kind}[{i}]", 'must be a slug or {"slug": slug, "role": role}.')
                continue
            for extra in set(item) - {"slug", "role"}:
                record.problem(f"{kind}[{i}].{extra}", "unknown field; a link has slug and role.")
            role = item.get("role") or LinkRole.ABOUT
            if role not in ROLES[kind]:
                record.problem(f"{kind}[{i}].role", f"must be one of {', '.join(sorted(ROLES[kind]))}.")
                continue
            link = (kind, item["slug"], role)
            if link not in links:
                links.append(link)
    return links


def read_quotes(record: Record) -> list[dict]:
    quotes = []
    for i, item in enumerate(record.objects("quotes")):
        for extra in set(item) - {"speaker", "text", "context", "said_on"}:
            record.problem(
                f"quotes[{i}].{extra}", "unknown field; a quote has speaker, text, context, said_on."
            )
        if not isinstance(item.get("speaker"), str) or not isinstance(item.get("text"), str):
            record.problem(f"quotes[{i}]", "needs a speaker (a person's slug) and a text.")
            continue
        quotes.append(
            {
                "speaker": item["speaker"],
                "text": item["text"],
                "context": item.get("context") or "",
                "said_on": record.day(f"quotes[{i}].said_on", item.get("said_on")),
            }
        )
        record.validate_model_fields(Quote, {"context": quotes[-1]["context"]}, prefix=f"quotes[{i}].")
    return quotes


def read_source(record: Record) -> tuple[str | None, str]:
    """``{"organization": slug, "url": url}``, or just the organization's slug."""
    value = record.data.get("source")
    if value is None:
        return None, ""
    if isinstance(value, str):
        return value or None, ""
    if not isinstance(value, dict):
        record.problem("source", 'must be an organization\'s slug or {"organization": slug, "url": url}.')
        return None, ""
    for extra in set(value) - {"organization", "url"}:
        record.problem(f"source.{extra}", "unknown field; a source has organization and url.")
    return value.get("organization") or None, value.get("url") or ""


def read_lead_image(record: Record) -> dict | None:
    value = record.data.get("lead_image")
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("file"), str):
        record.problem("lead_image", 'must be {"file": "images/…", "width": …, "height": …, "alt_text": …}.')
        return None
    for extra in set(value) - IMAGE_FIELDS:
        record.problem(
            f"lead_image.{extra}", f"unknown field; an image has {', '.join(sorted(IMAGE_FIELDS))}."
        )
    for size in ("width", "height"):
        if not isinstance(value.get(size), int) or value[size] <= 0:
            record.problem(f"lead_image.{size}", "is required: the picture's size in pixels.")
    for axis in ("focal_x", "focal_y"):
        point = value.get(axis, 0.5)
        if isinstance(point, bool) or not isinstance(point, int | float) or not 0 <= point <= 1:
            record.problem(f"lead_image.{axis}", "must be a number from 0 to 1.")
    record.validate_model_fields(
        Image, {k: value.get(k) or "" for k in ("alt_text", "credit")}, prefix="lead_image."
    )
    return {
        "file": value["file"],
        "width": value.get("width"),
        "height": value.get("height"),
        "alt_text": value.get("alt_text") or "",
        "caption": value.get("caption") or "",
        "credit": value.get("credit") or "",
        "focal_x": value.get("focal_x", 0.5),
        "focal_y": value.get("focal_y", 0.5),
    }


def read_related(record: Record) -> list[dict]:
    related = []
    for i, item in enumerate(record.objects("related")):
        for extra in set(item) - {"article", "kind", "position"}:
            record.problem(
                f"related[{i}].{extra}", "unknown field; a related entry has article, kind, position."
            )
        kind = item.get("kind") or "pin"
        if not isinstance(item.get("article"), str) or kind not in ("pin", "exclude"):
            record.problem(f"related[{i}]", 'needs an article slug and a kind, "pin" or "exclude".')
            continue
        if any(r["article"] == item["article"] for r in related):
            record.problem(f"related[{i}].article", f"{item['article']!r} is listed twice.")
            continue
        related.append({"article": item["article"], "kind": kind, "position": item.get("position") or 0})
    return related
