"""Writes that touch several models: merging two records of one person or organization."""

from dataclasses import dataclass, field

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import models, transaction

from articles.changes import content_changed
from articles.models import Article, ArticleOrganization, ArticlePerson, Byline, Quote
from organizations.models import (
    Affiliation,
    EntityMerge,
    EventOrganizer,
    EventParticipant,
    Organization,
    OrganizationAlias,
    OrganizationSlug,
    Person,
    PersonAlias,
    PersonSlug,
)

MODELS = {"person": Person, "organization": Organization}


class MergeError(ValidationError):
    """A merge that must not happen (itself, across kinds, unknown kind); the message says why."""


@dataclass
class MergeReport:
    keep: models.Model
    drop_name: str
    moved: dict[str, int] = field(default_factory=dict)
    article_ids: set[int] = field(default_factory=set)

    def summary(self) -> str:
        parts = ", ".join(f"{n} {what}" for what, n in self.moved.items() if n) or "nothing to move"
        return f"Merged “{self.drop_name}” into “{self.keep}”: {parts}."


def _move(queryset, owner_field: str, keep, unique_with: list[str], report: MergeReport, label: str) -> None:
    """Point ``queryset``'s rows at ``keep``; a row KEEP already has (by ``unique_with``) is dropped."""
    moved = 0
    for row in queryset:
        twin = {name: getattr(row, name) for name in unique_with}
        if type(row).objects.filter(**{owner_field: keep}, **twin).exists():
            row.delete()
            continue
        setattr(row, owner_field, keep)
        row.save(update_fields=[owner_field])
        moved += 1
    report.moved[label] = report.moved.get(label, 0) + moved


def entity_lookup(kind: str, value: str) -> models.Model:
    """A person or organization by slug, old slug or id, for commands; MergeError when unknown."""
    model = MODELS.get(kind)
    if model is None:
        raise MergeError(f"Unknown kind “{kind}”: use person or organization.")
    found = model.objects.filter(slug=value).first()
    if found is None and value.isdigit():
        found = model.objects.filter(pk=int(value)).first()
    if found is None:
        slug_model = PersonSlug if kind == "person" else OrganizationSlug
        old = slug_model.objects.filter(slug=value).select_related("owner").first()
        found = old.owner if old else None
    if found is None:
        raise MergeError(f"No {model._meta.verbose_name} with the slug or id “{value}”.")
    return found


@transaction.atomic
def entity_merge(*, kind: str, keep: models.Model, drop: models.Model, user=None) -> MergeReport:
    """Fold DROP into KEEP in one transaction; DROP's names become aliases, its address redirects.

    Moves article links (a link KEEP already has is not doubled), quotes, bylines, affiliations,
    event roles and aliases; records an :class:`EntityMerge` (and an admin history entry when a
    user is given); refreshes the related posts of every affected article after commit.
    """
    model = MODELS.get(kind)
    if model is None:
        raise MergeError(f"Only people and organizations can be merged, not “{kind}”.")
    if not isinstance(keep, model) or not isinstance(drop, model):
        raise MergeError(
            f"Both records must be {model._meta.verbose_name_plural}: "
            f"“{keep}” is a {keep._meta.verbose_name}, “{drop}” is a {drop._meta.verbose_name}."
        )
    if keep.pk == drop.pk:
        raise MergeError(f"“{keep}” cannot be merged with itself; choose two different records.")
    # Lock both rows so a concurrent edit or second merge waits for this one.
    keep, drop = (
        model.objects.select_for_update().get(pk=keep.pk),
        model.objects.select_for_update().get(pk=drop.pk),
    )
    report = MergeReport(keep=keep, drop_name=drop.name)
    if kind == "person":
        _merge_person(keep, drop, report)
    else:
        _merge_organization(keep, drop, report)
    _merge_names_and_slugs(kind, keep, drop, report)

    for name in ("wikidata_id", "bio", "photo", "description", "website", "logo", "country", "acronym"):
        if hasattr(keep, name) and not getattr(keep, name) and getattr(drop, name):
            if name == "wikidata_id":
                type(drop).objects.filter(pk=drop.pk).update(wikidata_id="")
            setattr(keep, name, getattr(drop, name))
    drop_pk, drop_slug = drop.pk, drop.slug
    drop.delete()
    keep.save()
    # DROP's address answers with a 301 to KEEP from now on.
    slug_model = PersonSlug if kind == "person" else OrganizationSlug
    slug_model.objects.update_or_create(slug=drop_slug, defaults={"owner": keep})

    EntityMerge.objects.create(
        kind=kind,
        keep_id=keep.pk,
        keep_name=keep.name,
        drop_id=drop_pk,
        drop_name=report.drop_name,
        drop_slug=drop_slug,
        moved=report.moved,
        merged_by=user if getattr(user, "pk", None) else None,
    )
    _record_revision(
        keep, user, f"Merged “{report.drop_name}” ({drop_slug}) into this record: {report.summary()}"
    )
    if getattr(user, "pk", None):
        LogEntry.objects.log_actions(
            user.pk,
            [keep],
            CHANGE,
            f"Merged “{report.drop_name}” ({drop_slug}) into this record: {report.summary()}",
            single_object=True,
        )
    content_changed(article_ids=report.article_ids, reason=f"merged {kind} {drop_slug} into {keep.slug}")
    return report


def _record_revision(keep: models.Model, user, comment: str) -> None:
    """A version of KEEP after the merge in its revision history (django-reversion), with who and why."""
    if not reversion.is_registered(type(keep)):
        return
    with reversion.create_revision(atomic=False):
        reversion.add_to_revision(keep)
        reversion.set_comment(comment)
        if getattr(user, "pk", None):
            reversion.set_user(user)


def _merge_person(keep: Person, drop: Person, report: MergeReport) -> None:
    report.article_ids |= set(ArticlePerson.objects.filter(person=drop).values_list("article_id", flat=True))
    report.article_ids |= set(Byline.objects.filter(person=drop).values_list("article_id", flat=True))
    report.article_ids |= set(
        Quote.objects.filter(speaker=drop, article__isnull=False).values_list("article_id", flat=True)
    )
    _move(
        ArticlePerson.objects.filter(person=drop),
        "person",
        keep,
        ["article", "role"],
        report,
        "article links",
    )
    report.moved["quotes"] = Quote.objects.filter(speaker=drop).update(speaker=keep)
    _move(Byline.objects.filter(person=drop), "person", keep, ["article", "role"], report, "bylines")
    _move(
        Affiliation.objects.filter(person=drop),
        "person",
        keep,
        ["organization", "title", "start_date"],
        report,
        "affiliations",
    )
    _move(EventParticipant.objects.filter(person=drop), "person", keep, ["event"], report, "event roles")


def _merge_organization(keep: Organization, drop: Organization, report: MergeReport) -> None:
    report.article_ids |= set(
        ArticleOrganization.objects.filter(organization=drop).values_list("article_id", flat=True)
    )
    report.article_ids |= set(Article.objects.filter(source_organization=drop).values_list("pk", flat=True))
    _move(
        ArticleOrganization.objects.filter(organization=drop),
        "organization",
        keep,
        ["article", "role"],
        report,
        "article links",
    )
    report.moved["source credits"] = Article.objects.filter(source_organization=drop).update(
        source_organization=keep
    )
    _move(
        Affiliation.objects.filter(organization=drop),
        "organization",
        keep,
        ["person", "title", "start_date"],
        report,
        "affiliations",
    )
    _move(
        EventOrganizer.objects.filter(organization=drop),
        "organization",
        keep,
        ["event"],
        report,
        "event roles",
    )
    report.moved["child organizations"] = (
        Organization.objects.filter(parent=drop).exclude(pk=keep.pk).update(parent=keep)
    )
    if keep.parent_id == drop.pk:
        keep.parent = drop.parent if drop.parent_id != keep.pk else None


def _merge_names_and_slugs(kind: str, keep, drop, report: MergeReport) -> None:
    alias_model = PersonAlias if kind == "person" else OrganizationAlias
    owner = "person" if kind == "person" else "organization"
    slug_model = PersonSlug if kind == "person" else OrganizationSlug
    names = [(a.name, a.kind, a.language) for a in alias_model.objects.filter(**{owner: drop})]
    names.append((drop.name, "spelling", ""))
    if kind == "organization" and drop.acronym and keep.acronym and drop.acronym != keep.acronym:
        names.append((drop.acronym, "other", ""))
    # DROP's aliases go first: the one-owner trigger would see them as another entity's names.
    alias_model.objects.filter(**{owner: drop}).delete()
    existing = {
        a.casefold() for a in alias_model.objects.filter(**{owner: keep}).values_list("name", flat=True)
    }
    existing.add(keep.name.casefold())
    added = 0
    for name, alias_kind, language in names:
        if name.casefold() in existing:
            continue
        alias_model.objects.create(**{owner: keep}, name=name, kind=alias_kind, language=language)
        existing.add(name.casefold())
        added += 1
    report.moved["other names"] = added
    report.moved["old addresses"] = slug_model.objects.filter(owner=drop).update(owner=keep)
