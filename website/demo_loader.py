"""The demo newsroom: JSON files under ``website/demo/`` loaded idempotently.

Running the loader twice changes nothing the second time: each object is matched by its slug,
saved only when a field differs, and link sets are brought to exactly what the files say.
"""

import json
import secrets
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.html import clean_body
from articles.links import ENTITY_LINKS
from articles.models import (
    Article,
    Byline,
    Quote,
    Section,
)
from articles.related.scoring import related_rebuild
from articles.search import search_index_update
from articles.workflow.services import publish_problems
from organizations.models import (
    Affiliation,
    EntityMerge,
    Event,
    EventOrganizer,
    EventParticipant,
    Organization,
    OrganizationAlias,
    OrganizationSlug,
    Person,
    PersonAlias,
    PersonSlug,
)

DEMO_DIR = Path(__file__).resolve().parent / "demo"
NEWSROOM_ZONE = ZoneInfo("Asia/Tehran")
DEMO_USERNAME = "editor"


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool | None) -> None:
        if created is None:
            return
        bucket = self.created if created else self.updated
        bucket[kind] = bucket.get(kind, 0) + 1

    def summary(self) -> str:
        if not self.created and not self.updated:
            return "Demo newsroom already up to date; nothing changed."
        parts = [f"{n} {kind} created" for kind, n in sorted(self.created.items())]
        parts += [f"{n} {kind} updated" for kind, n in sorted(self.updated.items())]
        return "Demo newsroom loaded: " + ", ".join(parts) + "."


def _read(name: str) -> list[dict]:
    return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))


def _upsert(model, lookup: dict, values: dict):
    """Create or update; returns (obj, True when created / False when changed / None when unchanged)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return obj, None
    for name in changed:
        setattr(obj, name, values[name])
    obj.save()
    return obj, False


def _sync_rows(model, owner: dict, wanted: list[dict], *, additive: bool = False) -> bool:
    """Make the rows of ``model`` belonging to ``owner`` exactly ``wanted``; True when anything changed.

    ``additive`` only adds what is missing: for a record an editor merged another into, whose
    extra names and titles came from the merge and must stay.
    """
    if not wanted and additive:
        return False
    if not wanted:
        deleted, _ = model.objects.filter(**owner).delete()
        return bool(deleted)
    keys = sorted({key for row in wanted for key in row})
    existing = {
        tuple(sorted((k, v) for k, v in row.items() if k != "pk")): row["pk"]
        for row in model.objects.filter(**owner).values("pk", *keys)
    }
    wanted_keys = {tuple(sorted(row.items())) for row in wanted}
    stale = [] if additive else [pk for key, pk in existing.items() if key not in wanted_keys]
    missing = [dict(key) for key in wanted_keys if key not in existing]
    if stale:
        model.objects.filter(pk__in=stale).delete()
    for row in missing:
        model.objects.create(**owner, **row)
    return bool(stale or missing)


def _aware(value: str | None, zone: ZoneInfo) -> datetime | None:
    if not value:
        return None
    if "T" in value:
        return datetime.fromisoformat(value).replace(tzinfo=zone)
    return datetime.combine(datetime.fromisoformat(value).date(), time.min, tzinfo=zone)


def _date(value: str | None):
    return datetime.fromisoformat(value).date() if value else None


def _merged_into(slug_model, model, slug: str):
    """The record an editor merged the demo record ``slug`` into, or None when it was not merged.

    A merge is an editor's decision: loading the demo again must not bring the duplicate back.
    """
    if model.objects.filter(slug=slug).exists():
        return None
    old = slug_model.objects.filter(slug=slug).select_related("owner").first()
    return old.owner if old else None


def _is_merge_target(kind: str, obj) -> bool:
    return EntityMerge.objects.filter(kind=kind, keep_id=obj.pk).exists()


@transaction.atomic
def load_demo() -> DemoReport:
    report = DemoReport()
    sections = {}
    for position, row in enumerate(_read("sections.json")):
        obj, created = _upsert(
            Section,
            {"slug": row["slug"]},
            {"name": row["name"], "description": row["description"], "position": position},
        )
        sections[obj.slug] = obj
        report.count("sections", created)

    orgs: dict[str, Organization] = {}
    for row in _read("organizations.json"):
        merged_into = _merged_into(OrganizationSlug, Organization, row["slug"])
        if merged_into is not None:
            orgs[row["slug"]] = merged_into
            continue
        obj, created = _upsert(
            Organization,
            {"slug": row["slug"]},
            {
                "name": row["name"],
                "acronym": row.get("acronym", ""),
                "kind": row.get("kind", "other"),
                "country": row.get("country", ""),
                "parent": orgs[row["parent"]] if row.get("parent") else None,
                "website": row.get("website", ""),
                "wikidata_id": row.get("wikidata_id", ""),
                "description": row.get("description", ""),
            },
        )
        orgs[obj.slug] = obj
        changed = _sync_rows(
            OrganizationAlias,
            {"organization": obj},
            [{"name": n} for n in row.get("aliases", [])],
            additive=_is_merge_target("organization", obj),
        )
        report.count("organizations", created if created is not None or not changed else False)

    people: dict[str, Person] = {}
    for row in _read("people.json"):
        merged_into = _merged_into(PersonSlug, Person, row["slug"])
        if merged_into is not None:
            people[row["slug"]] = merged_into
            continue
        obj, created = _upsert(
            Person, {"slug": row["slug"]}, {"name": row["name"], "bio": row.get("bio", "")}
        )
        people[obj.slug] = obj
        aliases = [{"name": a["name"], "kind": a.get("kind", "spelling")} for a in row.get("aliases", [])]
        merge_target = _is_merge_target("person", obj)
        changed = _sync_rows(PersonAlias, {"person": obj}, aliases, additive=merge_target)
        affiliations = [
            {
                "organization_id": orgs[a["organization"]].pk,
                "title": a["title"],
                "start_date": _date(a.get("start")),
                "end_date": _date(a.get("end")),
            }
            for a in row.get("affiliations", [])
        ]
        changed = _sync_rows(Affiliation, {"person": obj}, affiliations, additive=merge_target) or changed
        report.count("people", created if created is not None or not changed else False)

    events: dict[str, Event] = {}
    for row in _read("events.json"):
        zone = ZoneInfo(row.get("timezone") or "UTC")
        all_day = "T" not in row["start"]
        obj, created = _upsert(
            Event,
            {"slug": row["slug"]},
            {
                "name": row["name"],
                "kind": row.get("kind", "other"),
                "starts_at": _aware(row["start"], zone),
                "ends_at": _aware(row.get("end"), zone),
                "all_day": all_day,
                "timezone": row.get("timezone") or "UTC",
                "venue": row.get("venue", ""),
                "city": row.get("city", ""),
                "country": row.get("country", ""),
                "description": row.get("description", ""),
                "parent": events[row["parent"]] if row.get("parent") else None,
            },
        )
        events[obj.slug] = obj
        changed = _sync_rows(
            EventOrganizer,
            {"event": obj},
            [{"organization_id": orgs[s].pk} for s in row.get("organizers", [])],
        )
        changed = (
            _sync_rows(
                EventParticipant,
                {"event": obj},
                [{"person_id": people[s].pk} for s in row.get("participants", [])],
            )
            or changed
        )
        report.count("events", created if created is not None or not changed else False)

    articles = []
    for row in _read("articles.json"):
        existing = Article.objects.filter(slug=row["slug"]).first()
        status = row.get("status", "published")
        if status == "scheduled":
            # Always in the future relative to the first load; kept as it is on later loads.
            published_at = (
                existing.published_at
                if existing and existing.published_at
                else (timezone.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
            )
        else:
            published_at = _aware(row.get("published_at"), NEWSROOM_ZONE)
            if status == "published" and published_at is None:
                published_at = datetime(2026, 11, 1, 9, 0, tzinfo=NEWSROOM_ZONE)
        _check_publish_gate(row, status)
        source = row.get("source") or {}
        obj, created = _upsert(
            Article,
            {"slug": row["slug"]},
            {
                "headline": row["headline"],
                "dek": row.get("dek", ""),
                "body": clean_body(row.get("body", "")),
                "section": sections[row["section"]] if row.get("section") else None,
                "status": status,
                "published_at": published_at,
                "language": row.get("language", "en"),
                "source_organization": orgs[source["organization"]] if source.get("organization") else None,
                "source_url": source.get("url", ""),
            },
        )
        changed = False
        wanted_tags = sorted(row.get("tags", []))
        if sorted(obj.tags.names()) != wanted_tags:
            obj.tags.set(wanted_tags)
            changed = True
        bylines = [
            {"person_id": people[b["person"]].pk, "role": b.get("role", "author"), "position": i}
            for i, b in enumerate(row.get("bylines", []))
        ]
        changed = _sync_rows(Byline, {"article": obj}, bylines) or changed
        directory = {"person": people, "organization": orgs, "event": events}
        for link in ENTITY_LINKS:
            rows = [
                {f"{link.field}_id": directory[link.kind][s].pk, "role": role}
                for role in ("about", "mentions")
                for s in row.get(role, {}).get(link.plural, [])
            ]
            if link.kind == "person":
                rows += [{"person_id": people[s].pk, "role": "quoted"} for s in row.get("quoted", [])]
            changed = _sync_rows(link.link_model, {"article": obj}, rows) or changed
        quotes = [
            {
                "speaker_id": people[q["speaker"]].pk,
                "text": q["text"],
                "context": q.get("context", ""),
                "said_on": published_at.astimezone(NEWSROOM_ZONE).date() if published_at else None,
                "position": i,
            }
            for i, q in enumerate(row.get("quotes", []))
        ]
        changed = _sync_rows(Quote, {"article": obj}, quotes) or changed
        if created and published_at and published_at <= timezone.now():
            # A demo story was last edited when it went out, not when the demo was loaded.
            Article.objects.filter(pk=obj.pk).update(updated_at=published_at)
        report.count("articles", created if created is not None or not changed else False)
        articles.append(obj)

    for article in articles:
        related_rebuild(article=article)
    search_index_update(article.pk for article in articles)
    return report


def _check_publish_gate(row: dict, status: str) -> None:
    """A demo story goes public only past the workflow's publish gate, like any other story."""
    if status not in (Article.Status.PUBLISHED, Article.Status.SCHEDULED):
        return
    problems = publish_problems(
        body=row.get("body", ""),
        dek=row.get("dek", ""),
        byline_count=len(row.get("bylines", [])),
    )
    if problems:
        raise ValidationError(f"articles.json: {row['slug']}: publish: {' '.join(problems)}")


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
