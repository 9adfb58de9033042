"""The newsroom's two roles as Django groups: Authors write and submit, Editors also publish.

``setup_roles`` is idempotent: it creates missing groups and sets each group's permissions to
exactly the list below, so running it again after an upgrade picks up new permissions.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

# Models an Author works with while writing: the article and everything edited inline on it.
AUTHOR_WRITES = [
    ("articles", "article", ("add", "change", "delete", "view")),
    ("articles", "byline", ("add", "change", "delete", "view")),
    ("articles", "articleperson", ("add", "change", "delete", "view")),
    ("articles", "articleorganization", ("add", "change", "delete", "view")),
    ("articles", "articleevent", ("add", "change", "delete", "view")),
    ("articles", "quote", ("add", "change", "delete", "view")),
    ("articles", "relatedoverride", ("add", "change", "delete", "view")),
    ("articles", "image", ("add", "change", "view")),
    ("articles", "section", ("view",)),
    ("articles", "relatedarticle", ("view",)),
    # Authors may add a person or organization a story needs, but not delete or merge entities.
    ("organizations", "person", ("add", "change", "view")),
    ("organizations", "personalias", ("add", "change", "view")),
    ("organizations", "organization", ("add", "change", "view")),
    ("organizations", "organizationalias", ("add", "change", "view")),
    ("organizations", "affiliation", ("add", "change", "view")),
    ("organizations", "event", ("add", "change", "view")),
    ("organizations", "eventorganizer", ("add", "change", "delete", "view")),
    ("organizations", "eventparticipant", ("add", "change", "delete", "view")),
    ("taggit", "tag", ("view",)),
]
# Editors may do everything to content in these apps, plus the named extra permissions.
EDITOR_APPS = ["articles", "organizations", "taggit"]
EDITOR_EXTRA = [
    ("articles", "publish_article"),
    # Added by the entity-merging feature; looked up tolerantly so roles work with or without it.
    ("organizations", "merge_entities"),
    ("reversion", "view_revision"),
    ("reversion", "view_version"),
]


@dataclass
class RolesReport:
    created: list[str]
    permissions: dict[str, int]
    missing: list[str]

    def summary(self) -> str:
        made = f"created {', '.join(self.created)}" if self.created else "groups already existed"
        counts = ", ".join(f"{name} {n} permissions" for name, n in self.permissions.items())
        return f"Roles ready ({made}): {counts}."


def _codenames(app: str, model: str, actions) -> Q:
    return Q(content_type__app_label=app, codename__in=[f"{action}_{model}" for action in actions])


def author_permissions():
    query = Q(pk__in=[])
    for app, model, actions in AUTHOR_WRITES:
        query |= _codenames(app, model, actions)
    return Permission.objects.filter(query)


def editor_permissions() -> tuple[list[Permission], list[str]]:
    permissions = list(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    missing = []
    for app, codename in EDITOR_EXTRA:
        extra = Permission.objects.filter(content_type__app_label=app, codename=codename).first()
        if extra is None:
            missing.append(f"{app}.{codename}")
        elif extra not in permissions:
            permissions.append(extra)
    return permissions, missing


@transaction.atomic
def setup_roles() -> RolesReport:
    """Create (or bring up to date) the Author and Editor groups."""
    created = []
    author, made = Group.objects.get_or_create(name="Author")
    if made:
        created.append("Author")
    editor, made = Group.objects.get_or_create(name="Editor")
    if made:
        created.append("Editor")
    author_perms = list(author_permissions())
    author.permissions.set(author_perms)
    editor_perms, missing = editor_permissions()
    editor.permissions.set(editor_perms)
    return RolesReport(
        created=created,
        permissions={"Author": len(author_perms), "Editor": len(editor_perms)},
        missing=missing,
    )
