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
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsroom.presence import presence_clear, presence_mark, presence_others
from newsroom.versioning import VersionConflict

FIELD = "loaded_version"


class VersionCheckFormMixin(forms.Form):
    """The version the change form was opened at travels with it; a save from an older one, or
    from a form that does not say, is refused before anything is written."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault(FIELD, self.instance.version)

    def expected_version(self) -> int | None:
        """The version this save is based on (None for a new object)."""
        return self.cleaned_data.get(FIELD) if self.instance.pk else None

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        loaded = cleaned.get(FIELD)
        if loaded is None:
            raise ValidationError(
                _(
                    "This form is out of date: it does not say which version of the %(kind)s it was "
                    "opened at, so saving it could replace someone else's changes. Nothing was saved. "
                    "Reload the page, make your changes again and save."
                ),
                code="no_version",
                params={"kind": self.instance._meta.verbose_name},
            )
        model = type(self.instance)
        # The row stays locked until the admin's transaction commits, so two saves never interleave;
        # the model's own check on save (newsroom.versioning) is the guarantee on every other path.
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

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The object the change view loaded: opening the form notes who has it open.
        if obj is not None and request.method == "GET":
            for name, minutes in presence_others(obj, request.user):
                ago = _("just now") if minutes < 1 else _("%(minutes)s min ago") % {"minutes": minutes}
                self.message_user(
                    request,
                    _(
                        "%(name)s opened this %(kind)s (%(ago)s) and may be editing it. "
                        "If you both save, the second save will be stopped so nothing is lost."
                    )
                    % {"name": name, "kind": obj._meta.verbose_name, "ago": ago},
                    messages.WARNING,
                )
            presence_mark(obj, request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        # The model refuses the save if the row moved on since the version the form was opened at.
        # (A list's editable columns carry no version: the model checks the version it loaded.)
        expected = form.expected_version() if change and isinstance(form, VersionCheckFormMixin) else None
        obj.save(expected_version=expected)

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except VersionConflict as conflict:
            # The list's editable columns are saved in one transaction: nothing of this submit stays.
            self.message_user(request, " ".join(conflict.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def log_change(self, request, obj, message):
        presence_clear(obj, request.user)
        return super().log_change(request, obj, message)
