"""Who already answers to a name: the rule "one normalized name, one entity of a kind".

Used by the admin forms (an editor who enters a clash is told which entity has the name), by
the alias model's validation, and by importers that resolve a written name to an entity.
"""

from dataclasses import dataclass

from django.db import models
from django.urls import NoReverseMatch, reverse

from organizations.models import Organization, OrganizationAlias, Person, PersonAlias
from organizations.names import name_key

ALIAS_MODELS: dict[type[models.Model], type[models.Model]] = {
    Person: PersonAlias,
    Organization: OrganizationAlias,
}


@dataclass
class NameClash:
    entity: models.Model
    via_alias: str  # the alias that holds the name, or "" when it is the entity's own name

    @property
    def message(self) -> str:
        kind = self.entity._meta.verbose_name
        where = f" (as its other name “{self.via_alias}”)" if self.via_alias else ""
        return (
            f"This name already belongs to the {kind} “{self.entity.name}”{where}. "
            f"If they are the same, add your spelling there, or merge the two."
        )

    @property
    def admin_url(self) -> str:
        meta = self.entity._meta
        try:
            return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.entity.pk])
        except NoReverseMatch:
            return ""


def key_for(model: type[models.Model], name: str) -> str:
    return name_key(name, honorifics=model.names_drop_honorifics)


def name_owner(model: type[models.Model], name: str, *, exclude_pk: int | None = None) -> NameClash | None:
    """The entity of ``model`` (other than ``exclude_pk``) whose name or alias has ``name``'s key."""
    key = key_for(model, name)
    if not key:
        return None
    entities = model.objects.filter(name_key=key)
    if exclude_pk is not None:
        entities = entities.exclude(pk=exclude_pk)
    entity = entities.order_by("pk").first()
    if entity is not None:
        return NameClash(entity=entity, via_alias="")
    alias_model = ALIAS_MODELS.get(model)
    if alias_model is None:
        return None
    owner_field = alias_model.owner_field
    aliases = alias_model.objects.filter(name_key=key).select_related(owner_field)
    if exclude_pk is not None:
        aliases = aliases.exclude(**{f"{owner_field}_id": exclude_pk})
    alias = aliases.order_by("pk").first()
    if alias is not None:
        return NameClash(entity=alias.owner, via_alias=alias.name)
    return None


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
