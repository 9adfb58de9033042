"""Proposals for new people, organizations and events: stored, accepted into records, rejected.

Every path meets the same three services: :func:`proposals_store` (import, ``link_entities``),
:func:`proposal_accept` (the review list, the change form, ``--new``) and
:func:`proposal_reject`. A rejected name is never proposed again for that article.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.changes import content_changed
from articles.linking.models import EntityProposal
from articles.linking.resolution import CREATE_AT, Found, StoryEntities
from articles.links import BY_KIND
from organizations.identity import alias_keep, name_owner
from organizations.models import Affiliation, Event, Organization, Person
from organizations.names import name_key


def _key(kind: str, name: str) -> str:
    return name_key(name, honorifics=kind == "person")[:250]


def decided_keys(article) -> set[tuple[str, str]]:
    """(kind, key) of names an editor (or ``--new``) already decided on for this article."""
    if not article.pk:
        return set()
    return set(
        EntityProposal.objects.filter(article=article)
        .exclude(status=EntityProposal.Status.PROPOSED)
        .values_list("kind", "name_key")
    )


def open_proposals(article, story: StoryEntities) -> list[Found]:
    """The story's proposals less those rejected or accepted before (no write: for display)."""
    decided = decided_keys(article)
    return [p for p in story.proposals if (p.kind, _key(p.kind, p.name)) not in decided]


def proposals_store(article, story: StoryEntities) -> list[EntityProposal]:
    """Save the story's open proposals (updating those already saved); returns them."""
    decided = decided_keys(article)
    stored = []
    keys = set()
    for found in story.proposals:
        key = _key(found.kind, found.name)
        if (found.kind, key) in decided or not key:
            continue
        keys.add((found.kind, key))
        proposal, _created = EntityProposal.objects.update_or_create(
            article=article,
            kind=found.kind,
            name_key=key,
            defaults=_fields(found),
        )
        stored.append(proposal)
    # Names no longer in the text are no longer proposed.
    for proposal in EntityProposal.objects.filter(article=article, status=EntityProposal.Status.PROPOSED):
        if (proposal.kind, proposal.name_key) not in keys:
            proposal.delete()
    return stored


def _fields(found: Found) -> dict:
    return {
        "name": found.name[:250],
        "title": found.title[:200],
        "organization_name": (found.organization or "")[:250],
        "organization": found.organization_entity,
        "acronym": found.acronym[:30],
        "written": found.forms[:10],
        "sentence": found.sentence,
        "confidence": round(found.confidence, 2),
        "evidence": ", ".join(found.evidence)[:250],
        "role": found.role,
        "event_kind": found.event_kind,
        "event_date": found.event_date,
        "place": found.place[:100],
    }


@transaction.atomic
def proposal_accept(*, proposal: EntityProposal, by=None, needs_review: bool = True):
    """Create the proposed record (or find the one that already has the name), link it, note it."""
    if proposal.status == EntityProposal.Status.ACCEPTED and proposal.record is not None:
        return proposal.record
    article = proposal.article
    if proposal.kind == "person":
        record = _person(proposal, needs_review)
        proposal.person = record
    elif proposal.kind == "organization":
        record = _organization(proposal, needs_review)
        proposal.created_organization = record
    else:
        record = _event(proposal)
        proposal.event = record
    if proposal.kind in {"person", "organization"}:
        # The forms the text wrote it in, and the name as read when the editor chose another record.
        for form in [*proposal.written, proposal.name]:
            alias_keep(entity=record, name=form)
    link = BY_KIND[proposal.kind]
    role = proposal.role if proposal.role in link.roles else "mentions"
    if not link.link_model.objects.filter(article=article, **{link.field: record}).exists():
        link.link_model.objects.create(article=article, role=role, **{link.field: record})
        content_changed(article_ids=[article.pk], reason="a proposed entity accepted and linked")
    proposal.status = EntityProposal.Status.ACCEPTED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save()
    return record


def proposal_reject(*, proposal: EntityProposal, by=None) -> None:
    """Never propose this name again for this article."""
    proposal.status = EntityProposal.Status.REJECTED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])


def create_proposed(article, story: StoryEntities, *, by=None) -> list:
    """``--new``: store the proposals and accept those sure enough; records are marked unreviewed."""
    stored = proposals_store(article, story)
    created = []
    # A record made from an earlier story and not reviewed yet collects the forms this one writes it
    # in ("veterinary department of Gilan" for "Gilan veterinary department"), for its reviewer
    # and for the next story; reviewed records are the editors' to name.
    for found in story.known:
        if found.kind in {"person", "organization"} and getattr(found.entity, "needs_review", False):
            for form in found.forms:
                alias_keep(entity=found.entity, name=form)
    # Organizations first: a new person's affiliation may be a new organization of the same story.
    stored.sort(key=lambda p: {"organization": 0, "person": 1, "event": 2}[p.kind])
    for proposal in stored:
        if proposal.confidence < CREATE_AT:
            continue
        if proposal.kind == "event" and proposal.event_date is None:
            continue  # an event needs a date; an editor can accept it from the review list
        created.append(proposal_accept(proposal=proposal, by=by, needs_review=True))
    return created


def _unique_slug(model, name: str) -> str:
    base = slugify(name)[:190].strip("-") or model._meta.model_name
    old = model._meta.apps.get_model(model._meta.app_label, model.old_slug_model_name)
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists() or old.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _person(proposal: EntityProposal, needs_review: bool) -> Person:
    clash = name_owner(Person, proposal.name)
    if clash is not None:
        person = clash.entity
    else:
        person = Person.objects.create(
            name=proposal.name, slug=_unique_slug(Person, proposal.name), needs_review=needs_review
        )
    organization = proposal.organization or _organization_for(proposal, needs_review)
    if organization is not None and proposal.title:
        Affiliation.objects.get_or_create(
            person=person, organization=organization, title=proposal.title[:200], start_date=None
        )
    return person


def _organization_for(proposal: EntityProposal, needs_review: bool) -> Organization | None:
    """The person's organization when the story proposed it too (accepted along with them)."""
    if not proposal.organization_name:
        return None
    clash = name_owner(Organization, proposal.organization_name)
    if clash is not None:
        return clash.entity
    by_acronym = Organization.objects.filter(acronym=proposal.organization_name).first()
    if by_acronym is not None:
        return by_acronym
    sibling = (
        EntityProposal.objects.filter(article=proposal.article, kind="organization")
        .exclude(status=EntityProposal.Status.REJECTED)
        .filter(name_key=_key("organization", proposal.organization_name))
        .first()
    ) or (
        EntityProposal.objects.filter(
            article=proposal.article, kind="organization", acronym=proposal.organization_name
        )
        .exclude(status=EntityProposal.Status.REJECTED)
        .first()
    )
    if sibling is None:
        return None
    return proposal_accept(proposal=sibling, by=proposal.decided_by, needs_review=needs_review)


def _organization(proposal: EntityProposal, needs_review: bool) -> Organization:
    clash = name_owner(Organization, proposal.name)
    if clash is not None:
        return clash.entity
    acronym = proposal.acronym
    if acronym and Organization.objects.filter(acronym=acronym).exists():
        acronym = ""  # an acronym names one organization: leave it to the editor
    return Organization.objects.create(
        name=proposal.name,
        slug=_unique_slug(Organization, proposal.name),
        acronym=acronym,
        needs_review=needs_review,
    )


def _event(proposal: EntityProposal) -> Event:
    zone_name = settings.TIME_ZONE or "UTC"
    day = proposal.event_date or timezone.localdate(proposal.article.published_at or timezone.now())
    starts = datetime.combine(day, time(0, 0), tzinfo=ZoneInfo(zone_name))
    kinds = {choice for choice, _label in Event.Kind.choices}
    return Event.objects.create(
        name=proposal.name[:250],
        slug=_unique_slug(Event, proposal.name),
        kind=proposal.event_kind if proposal.event_kind in kinds else Event.Kind.OTHER,
        starts_at=starts,
        all_day=True,
        timezone=zone_name,
        city=proposal.place[:100],
    )
