"""Conflict detection for change forms: a save based on an older version is refused.

Every versioned model (``newsroom.versioning.VersionedModel``) carries a version number raised on
each save. The change form sends the version it was opened at; if the row has moved on since, the
save is refused with a form error naming who saved last, linking to the history to see their
changes, and keeping everything the editor typed in the form. Saving again then knowingly
replaces the other version (which stays in the history).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from newsroom.presence import presence_clear, presence_mark, presence_others

FIELD = "loaded_version"


class VersionCheckFormMixin(forms.Form):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[FIELD].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get(FIELD)
        if not self.instance.pk or loaded is None:
            return cleaned
        model = type(self.instance)
        # The row stays locked until the admin's transaction commits, so two saves never interleave.
        current = (
            model._default_manager.select_for_update(of=("self",))
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is not None and current != loaded:
            # The next submit of this form is based on the version the editor has now been shown.
            self.data = self.data.copy()
            self.data[self.add_prefix(FIELD)] = str(current)
            raise ValidationError(conflict_message(self.instance, loaded, current), code="conflict")
        return cleaned


def conflict_message(obj, loaded: int, current: int):
    meta = obj._meta
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    who = (entry.user.get_full_name() or entry.user.get_username()) if entry else "Someone else"
    when = f" at {date_format(timezone.localtime(entry.action_time), 'H:i')}" if entry else ""
    history = changes_since_url(obj, loaded) or reverse(
        f"admin:{meta.app_label}_{meta.model_name}_history", args=[obj.pk]
    )
    current_url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return format_html(
        "{who} saved this {kind}{when} while you were editing (you opened version {loaded}; it is now "
        "version {current}). Your changes are still in the form below and were not saved. "
        '<a href="{history}" target="_blank">See what they changed</a> or '
        '<a href="{current_url}" target="_blank">open their version</a> in a new tab. '
        "Copy what you need, or save again to replace their version with yours "
        "(theirs stays in the history).",
        who=who,
        kind=meta.verbose_name,
        when=when,
        loaded=loaded,
        current=current,
        history=history,
        current_url=current_url,
    )


def changes_since_url(obj, loaded: int) -> str | None:
    """The comparison page from the version the editor opened to the latest one, when both are in
    the revision history (None otherwise, and the caller links to the whole history)."""
    from reversion.models import Version

    meta = obj._meta
    try:
        compare = reverse(f"admin:{meta.app_label}_{meta.model_name}_compare", args=[obj.pk])
    except NoReverseMatch:
        return None
    versions = list(Version.objects.get_for_object(obj).order_by("-revision__date_created")[:30])
    if not versions:
        return None
    opened = next((v for v in versions if v.field_dict.get("version") == loaded), None)
    if opened is None:
        return None
    return f"{compare}?from={opened.pk}&to={versions[0].pk}"


class VersionConflictAdminMixin:
    """ModelAdmin mixin: the version check on every change form, and a notice of who else has it open."""

    def get_form(self, request, obj=None, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(f"Versioned{base.__name__}", (VersionCheckFormMixin, base), {})
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        if obj is not None and fieldsets:
            first = fieldsets[0][1]
            first["fields"] = [*first["fields"], FIELD]
        return fieldsets

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            if obj is not None:
                for name, minutes in presence_others(obj, request.user):
                    ago = "just now" if minutes < 1 else f"{minutes} min ago"
                    self.message_user(
                        request,
                        f"{name} opened this {obj._meta.verbose_name} ({ago}) and may be editing it. "
                        "If you both save, the second save will be stopped so nothing is lost.",
                        messages.WARNING,
                    )
                presence_mark(obj, request.user)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            presence_clear(obj, request.user)
