from django.apps import AppConfig

#: Entity names are searched, listed in the A–Z indexes and the sitemaps, and spelled by search's
#: suggestions ("names": the vocabulary's version).
NAME_LISTS = ("list:search", "list:sitemaps", "names")


def _entity_keys(kind: str, plural: str):
    def keys(entity) -> list[str]:
        found = [f"{kind}:{entity.pk}", f"list:{plural}", *NAME_LISTS]
        if getattr(entity, "parent_id", None):
            found.append(f"{kind}:{entity.parent_id}")  # the parent's page lists its parts
        return found

    return keys


def _owned_by(*fields: str, names: bool = False):
    """A row shown on its owners' pages (an alias, an affiliation, an organizer)."""

    def keys(row) -> list[str]:
        found = [f"{field}:{getattr(row, f'{field}_id')}" for field in fields]
        return [*found, *NAME_LISTS] if names else found

    return keys


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = "People, organizations and events"

    def ready(self):
        from newsroom import cache
        from organizations import models

        # A page that loaded an entity depends on it; a change to one rebuilds the pages that showed it.
        for model, kind, plural in (
            (models.Person, "person", "people"),
            (models.Organization, "organization", "organizations"),
            (models.Event, "event", "events"),
        ):
            cache.track(model, kind)
            cache.watch(model, _entity_keys(kind, plural))
        cache.watch(models.PersonAlias, _owned_by("person", names=True))
        cache.watch(models.OrganizationAlias, _owned_by("organization", names=True))
        cache.watch(models.EventAlias, _owned_by("event", names=True))
        cache.watch(models.Affiliation, _owned_by("person", "organization"))
        cache.watch(models.EventOrganizer, _owned_by("event", "organization"))
        cache.watch(models.EventParticipant, _owned_by("event", "person"))
