"""Writes that touch several models: merging two records of one person or organization.

The rows to move are found by walking ``_meta.related_objects``: every model that points at a
person or organization (this app's or another app's, such as article links and bylines) is moved
without this module naming it. Apps that derive data from the moved rows hear :data:`entity_merged`.
"""

from dataclasses import dataclass, field

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import Signal

from newsroom.slugs import OldSlug
from organizations.models import (
    EntityMerge,
    Organization,
    OrganizationAlias,
    OrganizationSlug,
    Person,
    PersonAlias,
    PersonSlug,
)

MODELS = {"person": Person, "organization": Organization}

#: Sent inside the merge's transaction, after every row has moved: ``kind``, ``keep``, ``drop_slug``
#: and the ``report``. Apps that keep data derived from an entity's links (articles: related posts,
#: search, pages) refresh it from here.
entity_merged = Signal()


class MergeError(ValidationError):
    """A merge that must not happen (itself, across kinds, unknown kind); the message says why."""


@dataclass
class MergeReport:
    keep: models.Model
    drop_name: str
    moved: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        parts = ", ".join(f"{n} {what}" for what, n in self.moved.items() if n) or "nothing to move"
        return f"Merged “{self.drop_name}” into “{self.keep}”: {parts}."


def _unique_with(model: type[models.Model], owner_field: models.Field) -> list[list[str]]:
    """The other fields of each uniqueness rule of ``model`` that includes ``owner_field``."""
    rules = [list(c.fields) for c in model._meta.constraints if isinstance(c, models.UniqueConstraint)]
    rules += [list(fields) for fields in model._meta.unique_together]
    if owner_field.unique:
        rules.append([owner_field.name])
    return [[name for name in rule if name != owner_field.name] for rule in rules if owner_field.name in rule]


def _move_rows(relation, keep: models.Model, drop: models.Model, report: MergeReport) -> None:
    """Point every row of one reverse relation at KEEP; a row KEEP already has is dropped, not doubled."""
    model, owner_field = relation.related_model, relation.field
    rows = model._base_manager.filter(**{owner_field.name: drop})
    rules = _unique_with(model, owner_field)
    moved = 0
    if not rules:
        moved = rows.update(**{owner_field.name: keep})
    else:
        for row in rows:
            twin = any(
                model._base_manager.filter(
                    **{owner_field.name: keep},
                    **{name: getattr(row, model._meta.get_field(name).attname) for name in rule},
                ).exists()
                for rule in rules
            )
            if twin:
                model._base_manager.filter(pk=row.pk).delete()
            else:
                model._base_manager.filter(pk=row.pk).update(**{owner_field.name: keep})
                moved += 1
    if moved:
        label = relation.get_accessor_name().replace("_", " ")
        report.moved[label] = report.moved.get(label, 0) + moved


def _move_everything_pointing_at(keep: models.Model, drop: models.Model, report: MergeReport) -> None:
    """Every row of every app that points at DROP, except names, old addresses and the hierarchy."""
    model = type(keep)
    for relation in model._meta.related_objects:
        related = relation.related_model
        if relation.many_to_many or not relation.field.concrete:
            continue  # through models are walked as their own foreign keys
        if related is model or issubclass(related, OldSlug) or related in (PersonAlias, OrganizationAlias):
            continue  # names, slugs and the parent hierarchy are merged below
        _move_rows(relation, keep, drop, report)


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
    _move_everything_pointing_at(keep, drop, report)
    if kind == "organization":
        _merge_hierarchy(keep, drop, report)
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
    entity_merged.send(sender=model, kind=kind, keep=keep, drop_slug=drop_slug, report=report)
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


def _merge_hierarchy(keep: Organization, drop: Organization, report: MergeReport) -> None:
    """DROP's child organizations become KEEP's; KEEP never ends up its own parent."""
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
    # DROP's aliases and its name key go first: the one-owner triggers would see them as another
    # entity's names when they become KEEP's aliases.
    alias_model.objects.filter(**{owner: drop}).delete()
    type(drop).objects.filter(pk=drop.pk).update(name_key="")
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
