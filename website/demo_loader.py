"""The demo newsroom: ``website/demo/entities.jsonl`` and ``website/demo/articles.jsonl``, in the
import format of docs/formats.md, loaded through the project's own importers.

Loading is idempotent and changes only what differs: each demo record is compared with what the
exporter writes for the stored record of that slug (leaving out ``created_at`` and ``updated_at``),
and only the new and the different ones go to ``import_entities --update`` and
``import_articles --update``. Running the loader twice changes nothing the second time.

What the files cannot say, the loader adds before importing:

- **An editor's merge stands.** A demo record whose slug now redirects to another record (it was
  merged into it, or renamed) is not brought back; the demo's references to it point at the record
  it became; the record it was merged into keeps the names, titles and old addresses the merge gave
  it (the demo's own are added to them, none removed).
- **The scheduled story stays in the future.** A demo story with status ``scheduled`` goes out
  three days after the demo is first loaded (on the hour), whatever time the file gives; later
  loads keep that time, and once the scheduler has published it, it stays published. Its quotes
  are dated the day it goes out.
- **Pictures are drawn here.** ``website/demo/pictures.jsonl`` gives most stories a lead picture
  (a map, a chart or an illustration drawn by ``website/demo_drawings.py``, nothing downloaded),
  with its alt text, caption, credit and focal point. A story without a lead image gets its
  drawing through the library's own upload path (checks, cleaning, renditions); a story that has
  one keeps it, and an edited caption or alt text stands.
"""

import json
import re
import secrets
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from articles.images.models import Image
from articles.images.services import image_upload
from articles.io.articles import ImportOptions, import_articles
from articles.io.entities import import_entities
from articles.io.exporters import (
    article_records,
    event_records,
    moment,
    organization_records,
    person_records,
    section_records,
)
from articles.io.records import ImportRejected, Problem, Problems, default_zone, json_lines
from articles.models import Article, ArticleSlug, Section
from articles.related.scoring import related_rebuild
from articles.search import search_index_update
from articles.spelling import search_words_rebuild
from organizations.models import (
    EntityMerge,
    Event,
    EventSlug,
    Organization,
    OrganizationSlug,
    Person,
    PersonSlug,
)
from organizations.sort_names import person_sort_name
from website.demo_drawings import drawing_jpeg

DEMO_DIR = Path(__file__).resolve().parent / "demo"
ENTITIES_FILE = DEMO_DIR / "entities.jsonl"
ARTICLES_FILE = DEMO_DIR / "articles.jsonl"
PICTURES_FILE = DEMO_DIR / "pictures.jsonl"
DEMO_USERNAME = "editor"
SCHEDULED_AFTER = timedelta(days=3)

#: kind -> (model, exporter, slug history); the order of import_entities.
ENTITY_KINDS = {
    "section": (Section, section_records, None),
    "organization": (Organization, organization_records, OrganizationSlug),
    "person": (Person, person_records, PersonSlug),
    "event": (Event, event_records, EventSlug),
}
#: Bookkeeping times: kept as the importer sets them, never a reason to import a record again.
NOT_COMPARED = {"created_at", "updated_at"}
#: Article times the importer keeps from the stored article when the file gives none.
KEPT_HISTORY = {"first_published_at", "last_published_at"}
#: Lists whose order means nothing (the exporter sorts them); compared as sets.
UNORDERED = {
    "aliases", "affiliations", "old_slugs", "organizers", "participants", "tags", "people", "organizations",
    "events",
}  # fmt: skip
#: What a merge adds to the record it keeps, by what makes two items the same.
MERGE_ADDS = {
    "aliases": lambda alias: alias["name"],
    "affiliations": lambda affiliation: json.dumps(affiliation, sort_keys=True),
    "quotes": lambda quote: quote["text"],
    "old_slugs": lambda slug: slug,
}


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def add(self, created: dict[str, int], updated: dict[str, int]) -> None:
        self.created.update(created)
        self.updated.update(updated)

    def summary(self) -> str:
        if not self.created and not self.updated:
            return "Demo newsroom already up to date; nothing changed."
        parts = [f"{n} {kind} created" for kind, n in sorted(self.created.items())]
        parts += [f"{n} {kind} updated" for kind, n in sorted(self.updated.items())]
        return "Demo newsroom loaded: " + ", ".join(parts) + "."


@dataclass
class Line:
    """One record of a demo file, and where it is written."""

    file: Path
    number: int
    data: dict


def _read(path: Path) -> list[Line]:
    problems = Problems()
    lines = [Line(path, record.line, record.data) for record in json_lines(path, problems)]
    problems.raise_if_any()
    return lines


def _canonical(record: dict, *, also_ignore: set[str] = frozenset()) -> dict:
    result = {key: value for key, value in record.items() if key not in NOT_COMPARED | also_ignore}
    for key in UNORDERED & result.keys():
        result[key] = sorted(result[key], key=lambda item: json.dumps(item, sort_keys=True))
    return result


def _unique(items: list, key=lambda item: json.dumps(item, sort_keys=True)) -> list:
    """The items in order, each once (two demo records merged into one leave two equal links)."""
    seen, result = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            result.append(item)
    return result


def _moved(kind: str, slugs: set[str]) -> dict[str, str]:
    """Demo slugs that now redirect: slug -> the current slug of the record it became."""
    model, _, history = ENTITY_KINDS[kind]
    if history is None:
        return {}
    current = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return dict(history.objects.filter(slug__in=slugs - current).values_list("slug", "owner__slug"))


class Redirects:
    """Where each demo entity is now: its own slug, or the record an editor merged it into."""

    def __init__(self, lines: list[Line]):
        self.moved = {
            kind: _moved(kind, {line.data.get("slug") for line in lines if line.data.get("type") == kind})
            for kind in ENTITY_KINDS
        }

    def gone(self, record: dict) -> bool:
        return record.get("slug") in self.moved.get(record.get("type"), {})

    def __call__(self, kind: str, slug: str | None) -> str | None:
        return self.moved[kind].get(slug, slug) if slug else slug

    def follow(self, record: dict) -> dict:
        """The record with its references pointing where the records went. A record the importer
        would refuse (a field of the wrong shape) is left as it is, for the importer to report."""
        try:
            return self._article(record) if record["type"] == "article" else self._entity(record)
        except (KeyError, TypeError, AttributeError):
            return record

    def _entity(self, record: dict) -> dict:
        record = dict(record)
        kind = record["type"]
        if kind in ("organization", "event") and record.get("parent"):
            record["parent"] = self(kind, record["parent"])
        if kind == "person":
            record["affiliations"] = _unique(
                [
                    {**a, "organization": self("organization", a["organization"])}
                    for a in record.get("affiliations", [])
                ]
            )
        if kind == "event":
            record["organizers"] = _unique([self("organization", s) for s in record.get("organizers", [])])
            record["participants"] = _unique(
                [{**p, "person": self("person", p["person"])} for p in record.get("participants", [])],
                key=lambda p: p["person"],
            )
        return record

    def _article(self, record: dict) -> dict:
        record = dict(record)
        source = record.get("source") or {}
        if source.get("organization"):
            record["source"] = {**source, "organization": self("organization", source["organization"])}
        record["bylines"] = _unique(
            [{**b, "person": self("person", b["person"])} for b in record.get("bylines", [])]
        )
        for plural, kind in (("people", "person"), ("organizations", "organization"), ("events", "event")):
            record[plural] = _unique(
                [{**link, "slug": self(kind, link["slug"])} for link in record.get(plural, [])]
            )
        record["quotes"] = [{**q, "speaker": self("person", q["speaker"])} for q in record.get("quotes", [])]
        return record


def _keep_what_merges_added(record: dict, stored: dict) -> dict:
    """The record an editor merged others into: the demo's lists plus what the merge brought."""
    record = dict(record)
    for key, identity in MERGE_ADDS.items():
        if key in record and key in stored:
            have = {identity(item) for item in record[key]}
            record[key] = record[key] + [item for item in stored[key] if identity(item) not in have]
    return record


def _schedule(record: dict, stored: dict | None) -> dict:
    """A scheduled demo story goes out three days after the first load and keeps that time."""
    if record.get("status") != Article.Status.SCHEDULED:
        return record
    record = dict(record)
    if stored and stored["published_at"]:
        record["published_at"] = stored["published_at"]
        if stored["status"] == Article.Status.PUBLISHED:  # the scheduler has published it
            for key in ("status", "first_published_at", "last_published_at"):
                record[key] = stored[key]
    else:
        at = (timezone.now() + SCHEDULED_AFTER).replace(minute=0, second=0, microsecond=0)
        record["published_at"] = moment(at)
    day = datetime.fromisoformat(record["published_at"]).astimezone(default_zone()).date().isoformat()
    record["quotes"] = [
        {**quote, "said_on": day} for quote in record.get("quotes") or [] if isinstance(quote, dict)
    ]
    return record


def _import(lines: list[Line], name: str, run) -> object:
    """Write the records to a temporary file and import it; problems name the demo file's lines."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text("".join(json.dumps(line.data, ensure_ascii=False) + "\n" for line in lines))
        try:
            return run(path)
        except ImportRejected as error:
            raise ImportRejected(
                [
                    Problem(str(lines[p.line - 1].file), lines[p.line - 1].number, p.field, p.message)
                    if p.file == str(path) and 0 < p.line <= len(lines)
                    else p
                    for p in error.problems
                ]
            ) from None


def _merge_targets() -> set[tuple[str, str]]:
    """(kind, slug) of every record an editor merged another one into."""
    targets = set()
    for kind, model in (("person", Person), ("organization", Organization)):
        keep_ids = EntityMerge.objects.filter(kind=kind).values("keep_id")
        targets.update(
            (kind, slug) for slug in model.objects.filter(pk__in=keep_ids).values_list("slug", flat=True)
        )
    return targets


def _entity_changes(lines: list[Line], redirects: Redirects) -> list[Line]:
    stored: dict[tuple[str, str], dict] = {}
    for kind, (model, exporter, _) in ENTITY_KINDS.items():
        slugs = [line.data.get("slug") for line in lines if line.data.get("type") == kind]
        for row in exporter(model.objects.filter(slug__in=slugs)):
            stored[kind, row["slug"]] = row
    merge_targets = _merge_targets()
    changed = []
    for line in lines:
        record = line.data
        if record.get("type") not in ENTITY_KINDS:
            changed.append(line)  # the importer says what is wrong with it
            continue
        if redirects.gone(record):
            continue
        record = redirects.follow(record)
        if record["type"] == "person" and not record.get("sort_name") and record.get("name"):
            # The demo files leave sort names to the rule, as an editor who leaves the field empty.
            record = {**record, "sort_name": person_sort_name(record["name"])}
        old = stored.get((record["type"], record.get("slug")))
        if old is not None and (record["type"], record["slug"]) in merge_targets:
            record = _keep_what_merges_added(record, old)
        if old is None or _canonical(record) != _canonical(old):
            changed.append(Line(line.file, line.number, record))
    return changed


def _image_record(image: Image) -> dict:
    """A library picture as the article format's ``lead_image`` (docs/formats.md)."""
    fields = ("alt_text", "caption", "credit", "focal_x", "focal_y", "width", "height")
    return {"file": image.file.name, **{name: getattr(image, name) for name in fields}}


def _stored_demo_pictures(names: set[str]) -> dict[str, Image]:
    """The library's demo pictures by their demo file name (storage may have added a suffix)."""
    found = {}
    pattern = re.compile(r"^(?P<stem>demo-[\w-]+?)(_[A-Za-z0-9]{7})?\.jpg$")
    for image in Image.objects.filter(file__contains="/demo-").order_by("pk"):
        match = pattern.match(image.file.name.rsplit("/", 1)[-1])
        if match and f"{match['stem']}.jpg" in names:
            found.setdefault(f"{match['stem']}.jpg", image)
    return found


def _attach_pictures(lines: list[Line], stored: dict[str, dict]) -> list[Line]:
    """The article lines with their demo pictures as lead images, drawing and uploading what is missing."""
    pictures = {line.data["article"]: line.data for line in _read(PICTURES_FILE)}
    wanted = {
        line.data["slug"]: pictures[line.data["slug"]]
        for line in lines
        if line.data.get("slug") in pictures and not line.data.get("lead_image")
    }
    library = _stored_demo_pictures({picture["file"] for picture in wanted.values()})
    result = []
    for line in lines:
        picture = wanted.get(line.data.get("slug"))
        old = stored.get(line.data.get("slug"))
        if picture is None:
            result.append(line)
            continue
        if old and old.get("lead_image"):  # an editor's choice of picture stands
            lead = old["lead_image"]
        else:
            image = library.get(picture["file"])
            if image is None:
                image = library[picture["file"]] = _upload_picture(picture)
            lead = _image_record(image)
        result.append(Line(line.file, line.number, {**line.data, "lead_image": lead}))
    return result


def _upload_picture(picture: dict) -> Image:
    """Draw one demo picture and add it to the library the way an editor's upload is added."""
    data = drawing_jpeg(picture["drawing"], picture.get("params") or {}, seed=picture["file"])
    return image_upload(
        upload=SimpleUploadedFile(picture["file"], data, content_type="image/jpeg"),
        alt_text=picture["alt_text"],
        caption=picture.get("caption", ""),
        credit=picture.get("credit", ""),
        focal_x=picture.get("focal_x", 0.5),
        focal_y=picture.get("focal_y", 0.5),
        tags=picture.get("tags", []),
        renditions_now=True,  # the demo is whole when the command returns, whatever the task backend
    )


def _article_changes(lines: list[Line], redirects: Redirects) -> list[Line]:
    slugs = [line.data.get("slug") for line in lines]
    stored = {row["slug"]: row for row in article_records(Article.objects.filter(slug__in=slugs))}
    lines = _attach_pictures(lines, stored)
    renamed = set(
        ArticleSlug.objects.filter(slug__in=set(slugs) - set(stored)).values_list("slug", flat=True)
    )
    changed = []
    for line in lines:
        record = line.data
        if record.get("type") != "article":
            changed.append(line)
            continue
        if record.get("slug") in renamed:  # an editor gave the story another address
            continue
        old = stored.get(record.get("slug"))
        record = _schedule(redirects.follow(record), old)
        # Without a time in the file the importer keeps the stored publishing history: no difference.
        history = {key for key in KEPT_HISTORY if record.get(key) is None}
        if old is None or _canonical(record, also_ignore=history) != _canonical(old, also_ignore=history):
            changed.append(Line(line.file, line.number, record))
    return changed


@transaction.atomic
def load_demo() -> DemoReport:
    """Import what differs from the demo files; then rebuild the demo's related posts and search."""
    report = DemoReport()
    entities, articles = _read(ENTITIES_FILE), _read(ARTICLES_FILE)
    redirects = Redirects(entities)
    entity_changes = _entity_changes(entities, redirects)
    if entity_changes:
        result = _import(entity_changes, ENTITIES_FILE.name, lambda p: import_entities([p], update=True))
        report.add(result.created, result.updated)
    article_changes = _article_changes(articles, redirects)
    if article_changes:
        result = _import(
            article_changes,
            ARTICLES_FILE.name,
            lambda p: import_articles([p], ImportOptions(update=True)),
        )
        report.add(
            {"articles": len(result.created)} if result.created else {},
            {"articles": len(result.updated)} if result.updated else {},
        )
    # Now, not only after commit: the demo is whole when the command returns, whatever the task backend.
    demo_articles = list(Article.objects.filter(slug__in=[line.data.get("slug") for line in articles]))
    for article in demo_articles:  # one by one: on so few articles faster than one scoring query
        related_rebuild(article=article)
    search_index_update(article.pk for article in demo_articles)
    search_words_rebuild()  # the vocabulary of search's spelling corrections
    return report


def ensure_demo_user() -> tuple[str, str]:
    """Create (or reset) the local demo editor account; returns (username, a fresh password)."""
    password = secrets.token_urlsafe(12)
    user, _ = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME, defaults={"email": "editor@example.org"}
    )
    user.is_staff = True
    user.is_superuser = True
    user.set_password(password)
    user.save()
    return DEMO_USERNAME, password
