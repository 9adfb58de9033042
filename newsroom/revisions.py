"""Revisions for the editors' content (articles, people, organizations, events) with django-reversion.

``RevisionAdminMixin`` gives a change form its history (who saved what, when, with the workflow's
comments), a readable comparison of any two versions, and revert. Reverting never moves the
version number backwards, so conflict detection keeps working across a revert: the revert view
reads the object as it is (locked), and hands that base (version, slug, kept fields) to the change
form as an argument; once django-reversion has written the old version back, the base is put back
in the row before the form is built, so the form is based on the version it replaces.
"""

import dataclasses
import difflib

from django.contrib.admin.utils import quote, unquote
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape, format_html, mark_safe
from reversion.admin import VersionAdmin
from reversion.models import Version

from newsroom.html_text import plain_text
from newsroom.slugs import SlugHistoryMixin


def _display(field: models.Field, value) -> str:
    """A stored field value as an editor reads it."""
    if value in (None, ""):
        return ""
    if isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"(deleted, id {value})"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.TextField | models.CharField) and "<" in str(value):
        return plain_text(str(value))
    return str(value)


def word_diff(old: str, new: str):
    """HTML marking words removed (<del>) and added (<ins>) between two texts."""
    a, b = old.split(), new.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            parts.append(format_html("<del>{}</del>", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(format_html("<ins>{}</ins>", " ".join(b[j1:j2])))
    return mark_safe(" ".join(str(part) for part in parts))  # noqa: S308 (every part is escaped)


def version_changes(model: type[models.Model], old: Version, new: Version) -> list[dict]:
    """The fields that differ between two versions: label, before, after and a word diff."""
    before, after = old.field_dict, new.field_dict
    changes = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in ("version", "updated_at", "search_vector", "snippet_source"):
            continue
        if before.get(field.attname, before.get(field.name)) == after.get(
            field.attname, after.get(field.name)
        ):
            continue
        was = _display(field, before.get(field.attname, before.get(field.name)))
        now = _display(field, after.get(field.attname, after.get(field.name)))
        if was == now:
            continue
        changes.append(
            {"label": field.verbose_name, "before": was, "after": now, "diff": word_diff(was, now)}
        )
    return changes


class RevisionAdminMixin(VersionAdmin):
    """History, comparison of two versions and revert for a ModelAdmin."""

    object_history_template = "admin/newsroom/object_history.html"

    def reversion_register(self, model, **kwargs):
        # Search vectors are derived data: rebuilt after a revert, never stored in the history.
        excluded = [f.name for f in model._meta.concrete_fields if isinstance(f, SearchVectorField)]
        if excluded:
            kwargs["exclude"] = excluded
        super().reversion_register(model, **kwargs)

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{info[0]}_{info[1]}_compare",
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        info = self.model._meta.app_label, self.model._meta.model_name
        object_id = unquote(object_id)
        versions = self._reversion_order_version_queryset(
            request,
            Version.objects.get_for_object_reference(self.model, object_id).select_related(
                "revision", "revision__user"
            ),
        )
        context = {
            "compare_url": reverse(f"admin:{info[0]}_{info[1]}_compare", args=[quote(object_id)]),
            "action_list": [
                {
                    "revision": version.revision,
                    "version_id": version.pk,
                    "url": reverse(
                        f"admin:{info[0]}_{info[1]}_revision", args=[quote(object_id), version.pk]
                    ),
                }
                for version in versions
            ],
        }
        return super().history_view(request, quote(object_id), {**context, **(extra_context or {})})

    def compare_view(self, request, object_id):
        """Two versions side by side, field by field, with the changed words marked."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = list(
            Version.objects.get_for_object(obj)
            .select_related("revision__user")
            .order_by("-revision__date_created")
        )
        by_id = {str(v.pk): v for v in versions}
        new = by_id.get(request.GET.get("to", "")) or (versions[0] if versions else None)
        old = by_id.get(request.GET.get("from", "")) or (versions[1] if len(versions) > 1 else new)
        if old and new and old.revision.date_created > new.revision.date_created:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": f"Compare versions of “{obj}”",
            "versions": versions,
            "old": old,
            "new": new,
            "changes": version_changes(self.model, old, new) if old and new else [],
        }
        return TemplateResponse(request, "admin/newsroom/compare_versions.html", context)

    #: Fields a revert or recover never changes (a workflow's status, say): they keep their current
    #: values, and on a recovered object the values from ``recovered_values``.
    revert_keeps_fields: tuple[str, ...] = ()
    recovered_values: dict = {}

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Only someone who may change this object (in this admin's queryset) may revert it.
        current = self.get_object(request, unquote(object_id))
        if current is None or not self.has_change_permission(request, current):
            raise PermissionDenied
        with transaction.atomic():
            # Locked until the revert is saved or abandoned: no other save slips in between.
            locked = self.model._default_manager.select_for_update().get(pk=current.pk)
            base = RevertBase(
                pk=locked.pk,
                version=getattr(locked, "version", None),
                slug=getattr(locked, "slug", None),
                kept={name: getattr(locked, name) for name in self.revert_keeps_fields},
            )
            context = {**(extra_context or {}), REVERT_BASE: base}
            return super().revision_view(request, object_id, version_id, context)

    def recover_view(self, request, version_id, extra_context=None):
        version = Version.objects.filter(pk=version_id).first()
        base = RevertBase(pk=version.object_id if version else None, kept=dict(self.recovered_values))
        return super().recover_view(request, version_id, {**(extra_context or {}), REVERT_BASE: base})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        context = dict(extra_context or {})
        base = context.pop(REVERT_BASE, None)
        if base is not None and object_id is not None:
            # Runs inside the revert's transaction, after the old version was written back, and
            # before the form is built from it.
            base.restore(self.model)
        return super().changeform_view(request, object_id, form_url, context)


#: The key under which ``revision_view`` and ``recover_view`` hand the revert's base to
#: ``changeform_view`` (django-reversion passes the extra context through; it never reaches a template).
REVERT_BASE = "newsroom_revert_base"


@dataclasses.dataclass(frozen=True)
class RevertBase:
    """What a revert keeps from the object as it was just before: its version number (a revert never
    moves it backwards, so a form opened before the revert is still refused), its slug (which keeps
    redirecting), and the fields the admin says a revert never changes."""

    pk: object
    version: int | None = None
    slug: str | None = None
    kept: dict = dataclasses.field(default_factory=dict)

    def restore(self, model: type[models.Model]) -> None:
        if self.pk is None:
            return
        rows = model._default_manager.filter(pk=self.pk)
        values = dict(self.kept)
        if self.version is not None:
            values["version"] = self.version
        restored_slug = rows.values_list("slug", flat=True).first() if self.slug else None
        if values:
            rows.update(**values)
        if self.slug and restored_slug and restored_slug != self.slug and issubclass(model, SlugHistoryMixin):
            history = model._meta.apps.get_model(model._meta.app_label, model.old_slug_model_name)
            history.objects.update_or_create(slug=self.slug, defaults={"owner_id": self.pk})
