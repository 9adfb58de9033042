"""Who already answers to a name: the rules "one normalized name, one entity of a kind" and "one
acronym, one organization".

One place for both rules, read by every write path: the models' ``clean()`` (so the admin and any
``full_clean``), the importers (which check a whole file at once through the batch functions
here), and the alias model's validation. The database backs them up: a unique index on each
entity's ``name_key`` and on the upper-cased acronym, and triggers that keep a key from being one
entity's name and another's alias.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from django.db.models.functions import Upper
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from organizations.models import AliasKind, Organization, OrganizationAlias, Person, PersonAlias
from organizations.names import is_acronym, name_key, normalize_name

ALIAS_MODELS: dict[type[models.Model], type[models.Model]] = {
    Person: PersonAlias,
    Organization: OrganizationAlias,
}


def _admin_url(entity: models.Model) -> str:
    meta = entity._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[entity.pk])
    except NoReverseMatch:
        return ""


def _on_line(line: int | None) -> str:
    return _(" (line %(line)s of this import)") % {"line": line} if line else ""


@dataclass
class NameClash:
    entity: models.Model
    via_alias: str  # the alias that holds the name, or "" when it is the entity's own name
    #: For a record of the same import run, not yet saved: the line it is on.
    line: int | None = None

    code = "name_taken"

    @property
    def message(self) -> str:
        where = _on_line(self.line)
        if self.via_alias:
            where += _(" (as its other name “%(alias)s”)") % {"alias": self.via_alias}
        return _(
            "This name already belongs to the %(kind)s “%(name)s”%(where)s. "
            "If they are the same, add your spelling there, or merge the two."
        ) % {"kind": self.entity._meta.verbose_name, "name": self.entity.name, "where": where}

    @property
    def admin_url(self) -> str:
        return _admin_url(self.entity)


@dataclass
class AcronymClash:
    entity: Organization
    acronym: str
    line: int | None = None

    code = "acronym_taken"

    @property
    def message(self) -> str:
        return _(
            "The acronym “%(acronym)s” already belongs to the organization “%(name)s”%(where)s. "
            "If they are the same, merge the two."
        ) % {"acronym": self.acronym, "name": self.entity.name, "where": _on_line(self.line)}

    @property
    def admin_url(self) -> str:
        return _admin_url(self.entity)


def key_for(model: type[models.Model], name: str) -> str:
    return name_key(name, honorifics=model.names_drop_honorifics)


def acronym_key(acronym: str) -> str:
    """What two acronyms are compared by: "ICRC", "icrc" and " ICRC " are one acronym."""
    return (acronym or "").strip().upper()


def name_owners(model: type[models.Model], keys) -> dict[str, list[NameClash]]:
    """Every entity of ``model`` holding each name key, by its name or an alias (two queries)."""
    keys = {key for key in keys if key}
    found: dict[str, list[NameClash]] = defaultdict(list)
    if not keys:
        return found
    for entity in model.objects.filter(name_key__in=keys).order_by("pk"):
        found[entity.name_key].append(NameClash(entity=entity, via_alias=""))
    alias_model = ALIAS_MODELS.get(model)
    if alias_model is not None:
        aliases = alias_model.objects.filter(name_key__in=keys).select_related(alias_model.owner_field)
        for alias in aliases.order_by("pk"):
            found[alias.name_key].append(NameClash(entity=alias.owner, via_alias=alias.name))
    return found


def name_owner(model: type[models.Model], name: str, *, exclude_pk: int | None = None) -> NameClash | None:
    """The entity of ``model`` (other than ``exclude_pk``) whose name or alias has ``name``'s key."""
    key = key_for(model, name)
    for clash in name_owners(model, [key]).get(key, []):
        if clash.entity.pk != exclude_pk:
            return clash
    return None


def acronym_owners(acronyms) -> dict[str, list[Organization]]:
    """The organizations holding each acronym (compared by :func:`acronym_key`), in one query."""
    keys = {acronym_key(a) for a in acronyms} - {""}
    found: dict[str, list[Organization]] = defaultdict(list)
    if keys:
        rows = Organization.objects.annotate(acronym_key=Upper("acronym")).filter(acronym_key__in=keys)
        for organization in rows.order_by("pk"):
            found[acronym_key(organization.acronym)].append(organization)
    return found


def acronym_owner(acronym: str, *, exclude_pk: int | None = None) -> AcronymClash | None:
    """The organization (other than ``exclude_pk``) that already has ``acronym``."""
    for organization in acronym_owners([acronym]).get(acronym_key(acronym), []):
        if organization.pk != exclude_pk:
            return AcronymClash(entity=organization, acronym=acronym.strip())
    return None


def identity_clashes(entity: models.Model) -> dict[str, NameClash | AcronymClash]:
    """The identity rules for one person or organization about to be saved, by field."""
    clashes: dict[str, NameClash | AcronymClash] = {}
    if entity.name:
        clash = name_owner(type(entity), entity.name, exclude_pk=entity.pk)
        if clash is not None:
            clashes["name"] = clash
    if isinstance(entity, Organization) and acronym_key(entity.acronym):
        clash = acronym_owner(entity.acronym, exclude_pk=entity.pk)
        if clash is not None:
            clashes["acronym"] = clash
    return clashes


def entities_named(model: type[models.Model], name: str) -> list[models.Model]:
    """Every entity of ``model`` answering to ``name`` by its name or an alias (usually zero or one)."""
    key = key_for(model, name)
    if not key:
        return []
    ids = set(model.objects.filter(name_key=key).values_list("pk", flat=True))
    alias_model = ALIAS_MODELS.get(model)
    if alias_model is not None:
        ids |= set(
            alias_model.objects.filter(name_key=key).values_list(f"{alias_model.owner_field}_id", flat=True)
        )
    return list(model.objects.filter(pk__in=ids).order_by("pk"))


def alias_keep(*, entity: models.Model, name: str) -> models.Model | None:
    """Keep ``name``, a form a story wrote ``entity`` in, as one of its other names; returns the alias.

    Nothing is saved when the entity already answers to that exact form, when another record of its
    kind holds the name's key (the identity rule above), or when the form is no name to look a
    record up by: an acronym (organizations have their own field), a single word for a person (a
    surname alone), or words all in lower case ("the provincial water company" names no one body).
    """
    alias_model = ALIAS_MODELS.get(type(entity))
    name = " ".join((name or "").split()).strip(" ,.;:'\"“”‘’()")
    if alias_model is None or not name or len(name) > 200 or is_acronym(name):
        return None
    if not any(ch.isupper() for ch in name):
        return None
    if isinstance(entity, Person) and len(name.split()) < 2:
        return None
    if not key_for(type(entity), name):
        return None
    normalized = normalize_name(name)
    taken = {
        normalize_name(entity.name),
        *(normalize_name(a) for a in entity.aliases.values_list("name", flat=True)),
    }
    if normalized in taken or name_owner(type(entity), name, exclude_pk=entity.pk) is not None:
        return None
    return alias_model.objects.create(**{alias_model.owner_field: entity}, name=name, kind=AliasKind.OTHER)
