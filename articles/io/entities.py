"""``import_entities``: sections, organizations, people and events from JSON Lines, keyed by slug.

The whole run is read and checked first (fields, references between records and to the database,
slugs that already exist); only then is anything written, in one transaction.
"""

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.db import transaction

from articles.changes import content_changed
from articles.io.records import Problems, Record, json_lines
from articles.links import ENTITY_LINKS
from articles.models import Quote, Section
from newsroom.progress import progress
from organizations.countries import country_code
from organizations.identity import (
    AcronymClash,
    NameClash,
    acronym_key,
    acronym_owners,
    key_for,
    name_owners,
)
from organizations.models import (
    Affiliation,
    Event,
    EventOrganizer,
    EventParticipant,
    EventSlug,
    Organization,
    OrganizationAlias,
    OrganizationSlug,
    Person,
    PersonAlias,
    PersonSlug,
)
from organizations.names import normalize_name
from organizations.sort_names import person_sort_name
from organizations.zones import canonical_zone

TIMES = {"created_at", "updated_at"}
SECTION_FIELDS = {"type", "slug", "name", "description", "position"}
ORGANIZATION_FIELDS = {
    "type", "slug", "name", "acronym", "kind", "country", "parent", "website", "wikidata_id", "logo",
    "description", "aliases", "old_slugs", *TIMES,
}  # fmt: skip
PERSON_FIELDS = {
    "type", "slug", "name", "sort_name", "bio", "wikidata_id", "photo", "aliases", "affiliations",
    "quotes", "old_slugs", *TIMES,
}  # fmt: skip
EVENT_FIELDS = {
    "type", "slug", "name", "kind", "starts_at", "ends_at", "all_day", "timezone", "venue", "city",
    "country", "description", "parent", "organizers", "participants", "old_slugs", *TIMES,
}  # fmt: skip
ALIAS_FIELDS = {"name", "kind", "language"}
KINDS = {"section": Section, "organization": Organization, "person": Person, "event": Event}


@dataclass
class Entry:
    """A checked record, ready to write."""

    record: Record
    kind: str
    slug: str
    values: dict
    refs: dict = field(default_factory=dict)
    children: dict = field(default_factory=dict)
    existing: object | None = None


@dataclass
class EntityImportReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def summary(self) -> str:
        verb = ("would be " if self.dry_run else "") + "created"
        parts = [f"{n} {kind} {verb}" for kind, n in sorted(self.created.items())]
        parts += [
            f"{n} {kind} {'would be ' if self.dry_run else ''}updated"
            for kind, n in sorted(self.updated.items())
        ]
        prefix = "Dry run, nothing written: " if self.dry_run else "Imported: "
        return prefix + (", ".join(parts) if parts else "no records") + "."


def _aliases(record: Record, problems_prefix: str = "aliases") -> list[dict]:
    result = []
    for i, alias in enumerate(record.objects("aliases")):
        where = f"{problems_prefix}[{i}]"
        for key in alias:
            if key not in ALIAS_FIELDS:
                record.problem(f"{where}.{key}", "unknown field; an alias has name, kind, language.")
        values = {
            "name": alias.get("name") or "",
            "kind": alias.get("kind") or "spelling",
            "language": alias.get("language") or "",
        }
        record.validate_model_fields(PersonAlias, values, prefix=where + ".")
        if any(a["name"] == values["name"] for a in result):
            record.problem(where + ".name", f"{values['name']!r} is listed twice.")
            continue
        result.append(values)
    return result


def _common(record: Record, fields: set[str]) -> tuple[str, dict]:
    """Unknown fields, the slug, and the times a round trip keeps."""
    record.check_fields(fields)
    slug = record.text("slug", required=True)
    times = {name: record.moment(name) for name in TIMES & fields}
    return slug, {k: v for k, v in times.items() if v is not None}


def read_section(record: Record) -> Entry:
    record.check_fields(SECTION_FIELDS)
    values = {
        "slug": record.text("slug", required=True),
        "name": record.text("name", required=True),
        "description": record.text("description"),
        "position": record.number("position", 0),
    }
    record.validate_model_fields(Section, values)
    return Entry(record, "section", values["slug"], values)


def _country(record: Record) -> str:
    """The country's code: a file may give it as "IR", "ir" or "Iran"; the model refuses others."""
    written = record.text("country")
    return country_code(written) or written


def read_organization(record: Record) -> Entry:
    slug, times = _common(record, ORGANIZATION_FIELDS)
    values = {
        "slug": slug,
        "name": record.text("name", required=True),
        "acronym": record.text("acronym"),
        "kind": record.text("kind", "other"),
        "country": _country(record),
        "website": record.text("website"),
        "wikidata_id": record.text("wikidata_id"),
        "logo": record.text("logo"),
        "description": record.text("description"),
    }
    record.validate_model_fields(Organization, {k: v for k, v in values.items() if k != "logo"})
    return Entry(
        record,
        "organization",
        slug,
        values,
        refs={"parent": record.optional_slug("parent")},
        children={"aliases": _aliases(record), "old_slugs": record.strings("old_slugs"), "times": times},
    )


def read_person(record: Record) -> Entry:
    slug, times = _common(record, PERSON_FIELDS)
    name = record.text("name", required=True)
    values = {
        "slug": slug,
        "name": name,
        # A record without one is filed by the rule (as a save would): loading it again changes nothing.
        "sort_name": record.text("sort_name") or (person_sort_name(name) if name else ""),
        "bio": record.text("bio"),
        "wikidata_id": record.text("wikidata_id"),
        "photo": record.text("photo"),
    }
    record.validate_model_fields(Person, {k: v for k, v in values.items() if k != "photo"})
    affiliations = []
    for i, row in enumerate(record.objects("affiliations")):
        where = f"affiliations[{i}]"
        for key in row:
            if key not in {"organization", "title", "start", "end"}:
                record.problem(
                    f"{where}.{key}", "unknown field; an affiliation has organization, title, start, end."
                )
        if not row.get("organization") or not row.get("title"):
            record.problem(where, "needs an organization (slug) and a title.")
            continue
        start, end = (
            record.day(f"{where}.start", row.get("start")),
            record.day(f"{where}.end", row.get("end")),
        )
        if start and end and end < start:
            record.problem(f"{where}.end", "is before the start.")
        record.validate_model_fields(Affiliation, {"title": row["title"]}, prefix=where + ".")
        affiliation = {"organization": row["organization"], "title": row["title"], "start": start, "end": end}
        if affiliation in affiliations:
            record.problem(where, "is listed twice.")
            continue
        affiliations.append(affiliation)
    quotes = []
    for i, row in enumerate(record.objects("quotes")):
        where = f"quotes[{i}]"
        for key in row:
            if key not in {"text", "context", "said_on"}:
                record.problem(f"{where}.{key}", "unknown field; a quote here has text, context, said_on.")
        if not row.get("text"):
            record.problem(f"{where}.text", "is required.")
        quotes.append(
            {
                "text": row.get("text") or "",
                "context": row.get("context") or "",
                "said_on": record.day(f"{where}.said_on", row.get("said_on")),
            }
        )
        record.validate_model_fields(Quote, {"context": quotes[-1]["context"]}, prefix=where + ".")
    return Entry(
        record,
        "person",
        slug,
        values,
        children={
            "aliases": _aliases(record),
            "affiliations": affiliations,
            "quotes": quotes,
            "old_slugs": record.strings("old_slugs"),
            "times": times,
        },
    )


def _event_zone(record: Record) -> tuple[str, ZoneInfo]:
    """The event's zone: its ``timezone``, or the newsroom's when the record names none.

    A time without an offset is read in it (09:30 for an event in Europe/Istanbul is 09:30 Istanbul
    time), never in UTC. A name the tz database does not know is a problem on the line.
    """
    zone_name = record.text("timezone") or settings.TIME_ZONE
    if zone_name in available_timezones():
        return zone_name, ZoneInfo(zone_name)
    meant = canonical_zone(zone_name)
    hint = f" Did you mean {meant}?" if meant else ""
    record.problem(
        "timezone",
        f"{zone_name!r} is not a timezone name; use one like Europe/Istanbul or Asia/Tehran.{hint}",
    )
    return zone_name, ZoneInfo(settings.TIME_ZONE)


def read_event(record: Record) -> Entry:
    slug, times = _common(record, EVENT_FIELDS)
    zone_name, zone = _event_zone(record)
    starts_at = record.moment("starts_at", zone=zone)
    if record.data.get("starts_at") in (None, ""):
        record.problem("starts_at", "is required.")
    ends_at = record.moment("ends_at", zone=zone)
    if starts_at and ends_at and ends_at < starts_at:
        record.problem("ends_at", "is before starts_at.")
    values = {
        "slug": slug,
        "name": record.text("name", required=True),
        "kind": record.text("kind", "other"),
        "starts_at": starts_at,
        "ends_at": ends_at,
        "all_day": record.boolean("all_day"),
        "timezone": zone_name,
        "venue": record.text("venue"),
        "city": record.text("city"),
        "country": _country(record),
        "description": record.text("description"),
    }
    record.validate_model_fields(
        Event, {k: v for k, v in values.items() if k not in {"starts_at", "ends_at", "all_day"}}
    )
    participants = []
    for i, row in enumerate(record.objects("participants")):
        if not isinstance(row.get("person"), str):
            record.problem(f"participants[{i}].person", "is required (a person's slug).")
            continue
        if any(p["person"] == row["person"] for p in participants):
            record.problem(f"participants[{i}].person", f"{row['person']!r} is listed twice.")
            continue
        participant = {"person": row["person"], "role": row.get("role") or ""}
        record.validate_model_fields(
            EventParticipant, {"role": participant["role"]}, prefix=f"participants[{i}]."
        )
        participants.append(participant)
    return Entry(
        record,
        "event",
        slug,
        values,
        refs={"parent": record.optional_slug("parent")},
        children={
            "organizers": record.strings("organizers"),
            "participants": participants,
            "old_slugs": record.strings("old_slugs"),
            "times": times,
        },
    )


READERS = {
    "section": read_section,
    "organization": read_organization,
    "person": read_person,
    "event": read_event,
}


def read_entities(paths: list[Path | str], problems: Problems) -> list[Entry]:
    entries: list[Entry] = []
    seen: dict[tuple[str, str], Record] = {}
    for path in paths:
        for record in json_lines(path, problems):
            reader = READERS.get(record.type)
            if reader is None:
                hint = " (articles go to import_articles)" if record.type == "article" else ""
                record.problem("type", f"must be one of {', '.join(READERS)}, not {record.type!r}{hint}.")
                continue
            entry = reader(record)
            if entry.slug:
                key = (entry.kind, entry.slug)
                if key in seen:
                    record.problem("slug", f"{entry.slug!r} is already used on line {seen[key].line}.")
                seen[key] = record
            entries.append(entry)
    return entries


def _check_references(entries: list[Entry], *, update: bool, problems: Problems) -> dict[str, dict]:
    """Existing objects by slug, and a problem for every reference that resolves nowhere."""
    by_kind: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for entry in entries:
        by_kind[entry.kind].add(entry.slug)
    wanted: dict[str, set[str]] = {kind: set(slugs) for kind, slugs in by_kind.items()}
    for entry in entries:
        if entry.kind == "organization" and entry.refs["parent"]:
            wanted["organization"].add(entry.refs["parent"])
        if entry.kind == "person":
            wanted["organization"].update(a["organization"] for a in entry.children["affiliations"])
        if entry.kind == "event":
            wanted["organization"].update(entry.children["organizers"])
            wanted["person"].update(p["person"] for p in entry.children["participants"])
            if entry.refs["parent"]:
                wanted["event"].add(entry.refs["parent"])
    existing = {
        kind: {o.slug: o for o in KINDS[kind].objects.filter(slug__in=wanted[kind])} for kind in KINDS
    }
    known = {kind: by_kind[kind] | set(existing[kind]) for kind in KINDS}

    def need(entry: Entry, kind: str, slug: str, where: str) -> None:
        if slug not in known[kind]:
            entry.record.problem(where, f"no {kind} with the slug {slug!r} in this file or the database.")

    for entry in entries:
        obj = existing[entry.kind].get(entry.slug)
        if obj is not None:
            if not update:
                entry.record.problem(
                    "slug", f"a {entry.kind} {entry.slug!r} already exists; use --update to change it."
                )
            entry.existing = obj
        if entry.kind == "organization" and entry.refs["parent"]:
            need(entry, "organization", entry.refs["parent"], "parent")
        elif entry.kind == "person":
            for i, a in enumerate(entry.children["affiliations"]):
                need(entry, "organization", a["organization"], f"affiliations[{i}].organization")
        elif entry.kind == "event":
            for i, slug in enumerate(entry.children["organizers"]):
                need(entry, "organization", slug, f"organizers[{i}]")
            for i, p in enumerate(entry.children["participants"]):
                need(entry, "person", p["person"], f"participants[{i}].person")
            if entry.refs["parent"]:
                need(entry, "event", entry.refs["parent"], "parent")
    _check_old_slugs(entries)
    _check_identity(entries)
    _check_wikidata_ids(entries)
    return existing


def _check_identity(entries: list[Entry]) -> None:
    """One normalized name per entity of a kind, one acronym per organization, for the whole run.

    The rules of :mod:`organizations.identity` (the ones the admin applies through the models'
    ``clean()``), with its messages: between records of the run, and against the database in
    three queries. A record replaced by this run (--update) is judged by what the file says.
    """
    for model in (Organization, Person):
        run = [e for e in entries if e.kind == model._meta.model_name]
        replaced = {e.slug for e in run}
        claims: list[tuple[Entry, str, str, str]] = []  # (entry, field, key, the alias or "")
        for entry in run:
            claims.append((entry, "name", key_for(model, entry.values["name"]), ""))
            for i, alias in enumerate(entry.children["aliases"]):
                alias["normalized"] = normalize_name(alias["name"])
                alias["name_key"] = key_for(model, alias["name"])
                claims.append((entry, f"aliases[{i}].name", alias["name_key"], alias["name"]))
        first: dict[str, tuple[Entry, str]] = {}
        for entry, where, key, alias in claims:
            if not key:
                continue
            owner, via = first.setdefault(key, (entry, alias))
            if owner is not entry:  # one entity may keep several spellings of one key
                unsaved = model(name=owner.values["name"], slug=owner.slug)
                entry.record.problem(where, NameClash(unsaved, via, line=owner.record.line).message)
        owners = name_owners(model, first)
        for entry, where, key, _alias in claims:
            clash = next(
                (c for c in owners.get(key, []) if c.entity.slug not in replaced | {entry.slug}), None
            )
            if clash is not None:
                entry.record.problem(where, clash.message)

    organizations = [e for e in entries if e.kind == "organization"]
    replaced = {e.slug for e in organizations}
    claimed: dict[str, Entry] = {}
    for entry in organizations:
        acronym = entry.values["acronym"]
        if not acronym_key(acronym):
            continue
        owner = claimed.setdefault(acronym_key(acronym), entry)
        if owner is not entry:
            unsaved = Organization(name=owner.values["name"], slug=owner.slug)
            entry.record.problem("acronym", AcronymClash(unsaved, acronym, line=owner.record.line).message)
    for key, organizations_with_it in acronym_owners(claimed).items():
        entry = claimed[key]
        other = next((o for o in organizations_with_it if o.slug not in replaced), None)
        if other is not None:
            entry.record.problem("acronym", AcronymClash(other, entry.values["acronym"]).message)


def _check_wikidata_ids(entries: list[Entry]) -> None:
    """A Wikidata id names one person (or organization): twice is an error, not a database crash."""
    for kind, model in (("organization", Organization), ("person", Person)):
        claimed: dict[str, Entry] = {}
        for entry in (e for e in entries if e.kind == kind and e.values.get("wikidata_id")):
            owner = claimed.setdefault(entry.values["wikidata_id"], entry)
            if owner is not entry:
                entry.record.problem(
                    "wikidata_id", f"is also the id of {kind} {owner.slug!r} (line {owner.record.line})."
                )
        replaced = {e.slug for e in entries if e.kind == kind}
        for wikidata_id, slug in model.objects.filter(wikidata_id__in=claimed).values_list(
            "wikidata_id", "slug"
        ):
            entry = claimed[wikidata_id]
            if slug != entry.slug and slug not in replaced:
                entry.record.problem("wikidata_id", f"{wikidata_id} is already the id of {kind} {slug!r}.")


def _check_old_slugs(entries: list[Entry]) -> None:
    history = {"organization": OrganizationSlug, "person": PersonSlug, "event": EventSlug}
    for kind, model in history.items():
        wanted = {s: e for e in entries if e.kind == kind for s in e.children["old_slugs"]}
        taken = model.objects.filter(slug__in=wanted).select_related("owner")
        for row in taken:
            entry = wanted[row.slug]
            if row.owner.slug != entry.slug:
                entry.record.problem(
                    "old_slugs", f"{row.slug!r} already redirects to {kind} {row.owner.slug!r}."
                )


def _save(entry: Entry, model) -> tuple[object, bool]:
    obj = entry.existing or model()
    for name, value in entry.values.items():
        setattr(obj, name, value)
    obj.save()
    return obj, entry.existing is None


def _replace(model, owner_field: str, owners: list, rows: list) -> None:
    model.objects.filter(**{f"{owner_field}__in": owners}).delete()
    model.objects.bulk_create(rows, batch_size=1000)


def _write(entries: list[Entry], report: EntityImportReport) -> set[int]:
    """Write every entry; returns the ids of articles linked to entities that changed."""
    saved: dict[str, dict[str, object]] = {kind: {} for kind in KINDS}
    updated: dict[str, list[int]] = {kind: [] for kind in KINDS}

    def count(kind: str, created: bool, obj) -> None:
        bucket = report.created if created else report.updated
        label = {"person": "people"}.get(kind, kind + "s")
        bucket[label] = bucket.get(label, 0) + 1
        if not created:
            updated[kind].append(obj.pk)

    ordered = [entry for kind in KINDS for entry in entries if entry.kind == kind]
    # --update replaces the stored records on purpose: lock them and write over their current
    # versions (an edit saved since the file was checked waits for this import, then conflicts).
    for kind, model in KINDS.items():
        if hasattr(model, "lock_current_versions"):
            model.lock_current_versions([e.existing for e in ordered if e.kind == kind and e.existing])
    for entry in progress(ordered, total=len(ordered), desc="Importing"):
        obj, created = _save(entry, KINDS[entry.kind])
        saved[entry.kind][entry.slug] = obj
        count(entry.kind, created, obj)

    def resolve(kind: str, slug: str):
        return saved[kind].get(slug) or KINDS[kind].objects.get(slug=slug)

    orgs = [e for e in entries if e.kind == "organization"]
    people = [e for e in entries if e.kind == "person"]
    events = [e for e in entries if e.kind == "event"]
    for entry in orgs + events:
        obj = saved[entry.kind][entry.slug]
        parent = resolve(entry.kind, entry.refs["parent"]) if entry.refs["parent"] else None
        if obj.parent_id != (parent.pk if parent else None):
            type(obj).objects.filter(pk=obj.pk).update(parent=parent)

    org_objs = [saved["organization"][e.slug] for e in orgs]
    _replace(
        OrganizationAlias,
        "organization",
        org_objs,
        [
            OrganizationAlias(organization=saved["organization"][e.slug], **a)
            for e in orgs
            for a in e.children["aliases"]
        ],
    )
    person_objs = [saved["person"][e.slug] for e in people]
    _replace(
        PersonAlias,
        "person",
        person_objs,
        [PersonAlias(person=saved["person"][e.slug], **a) for e in people for a in e.children["aliases"]],
    )
    _replace(
        Affiliation,
        "person",
        person_objs,
        [
            Affiliation(
                person=saved["person"][e.slug],
                organization=resolve("organization", a["organization"]),
                title=a["title"],
                start_date=a["start"],
                end_date=a["end"],
            )
            for e in people
            for a in e.children["affiliations"]
        ],
    )
    Quote.objects.filter(speaker__in=person_objs, article__isnull=True).delete()
    Quote.objects.bulk_create(
        Quote(speaker=saved["person"][e.slug], position=i, **q)
        for e in people
        for i, q in enumerate(e.children["quotes"])
    )
    event_objs = [saved["event"][e.slug] for e in events]
    _replace(
        EventOrganizer,
        "event",
        event_objs,
        [
            EventOrganizer(event=saved["event"][e.slug], organization=resolve("organization", slug))
            for e in events
            for slug in dict.fromkeys(e.children["organizers"])
        ],
    )
    _replace(
        EventParticipant,
        "event",
        event_objs,
        [
            EventParticipant(
                event=saved["event"][e.slug], person=resolve("person", p["person"]), role=p["role"]
            )
            for e in events
            for p in e.children["participants"]
        ],
    )
    history = {"organization": OrganizationSlug, "person": PersonSlug, "event": EventSlug}
    for kind, model in history.items():
        rows = [
            model(slug=slug, owner=saved[kind][e.slug])
            for e in entries
            if e.kind == kind
            for slug in e.children["old_slugs"]
        ]
        model.objects.bulk_create(rows, ignore_conflicts=True)
        # Times from the file win over "now": an export read back keeps when things were made.
        for e in entries:
            if e.kind == kind and e.children["times"]:
                model_cls = KINDS[kind]
                model_cls.objects.filter(pk=saved[kind][e.slug].pk).update(**e.children["times"])

    affected: set[int] = set()
    for link in ENTITY_LINKS:
        if updated[link.kind]:
            affected.update(
                link.link_model.objects.filter(**{f"{link.field}_id__in": updated[link.kind]}).values_list(
                    "article_id", flat=True
                )
            )
    return affected


def import_entities(
    paths: list[Path | str], *, update: bool = False, dry_run: bool = False
) -> EntityImportReport:
    """Check every record of every file, then write them all in one transaction (or nothing)."""
    problems = Problems()
    entries = read_entities(paths, problems)
    existing = _check_references(entries, update=update, problems=problems)
    problems.raise_if_any()
    report = EntityImportReport(dry_run=dry_run)
    if dry_run:
        for entry in entries:
            bucket = report.updated if entry.slug in existing[entry.kind] else report.created
            label = {"person": "people"}.get(entry.kind, entry.kind + "s")
            bucket[label] = bucket.get(label, 0) + 1
        return report
    with transaction.atomic():
        affected = _write(entries, report)
        content_changed(article_ids=affected, reason="entities imported")
    return report
