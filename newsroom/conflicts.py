"""Conflict detection and three-way merge for change forms.

Every versioned model (``newsroom.versioning.VersionedModel``) carries a version number raised on
each save. The change form sends the version it was opened at and, signed, the values its fields had
then (the merge base). If the row has moved on since, the save is merged field by field:

- a field only the colleague changed keeps their value;
- a field only this editor changed takes theirs;
- a field both changed (to different values) stops the save: the form shows again with the editor's
  value in the field, the colleague's next to it and a choice between the two; the message names
  the fields in question. Nothing either typed is lost.

A form that carries no merge base (an old page) is refused as before, naming who saved last and
linking to their changes; saving again then knowingly replaces their version (kept in the history).
"""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsroom.presence import presence_clear, presence_mark, presence_others
from newsroom.versioning import VersionConflict

FIELD = "loaded_version"
BASE_FIELD = "loaded_values"
BASE_SALT = "newsroom.conflicts.merge-base"
CHOICE_PREFIX = "merge_choice_"


def canonical(value):
    """A value as the merge compares it: the same for a model's value and a form's cleaned value."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, (list, tuple, set, frozenset, models.QuerySet)):
        return sorted(canonical(item) for item in value)
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return str(value)


def model_value(obj, name: str):
    """The value of ``obj``'s field ``name`` as the merge compares it (tags by name)."""
    field = obj._meta.get_field(name)
    if field.many_to_many:
        manager = getattr(obj, name)
        if hasattr(manager, "names"):  # django-taggit: the form works with tag names
            return canonical(list(manager.names()) if obj.pk else [])
        return canonical(list(manager.all()) if obj.pk else [])
    if field.is_relation:
        return canonical(getattr(obj, field.attname))
    return canonical(field.value_from_object(obj))


def shown_value(obj, name: str) -> str:
    """The colleague's value as an editor reads it next to their own."""
    field = obj._meta.get_field(name)
    if field.many_to_many:
        manager = getattr(obj, name)
        return ", ".join(manager.names() if hasattr(manager, "names") else map(str, manager.all()))
    if getattr(field, "choices", None):
        return str(getattr(obj, f"get_{name}_display")())
    value = getattr(obj, name)
    return "—" if value in (None, "") else str(value)


class VersionCheckFormMixin(forms.Form):
    """The version the change form was opened at, and its values then, travel with it; a save from
    an older version is merged with what was saved since (see the module docstring)."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    loaded_values = forms.CharField(widget=forms.HiddenInput, required=False)

    #: After a merged save: {"theirs": [field names kept], "mine": [...], "by": who saved last}.
    merge_report: dict | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault(FIELD, self.instance.version)
            if not self.is_bound:
                base = {"v": self.instance.version, "values": self.merge_snapshot(self.instance)}
                self.initial.setdefault(BASE_FIELD, signing.dumps(base, salt=BASE_SALT, compress=True))

    def merge_fields(self) -> list[str]:
        names = []
        for name in self.fields:
            if name in (FIELD, BASE_FIELD):
                continue
            try:
                self.instance._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            names.append(name)
        return names

    def merge_snapshot(self, obj) -> dict:
        snapshot = {}
        for name in self.merge_fields():
            if obj._meta.get_field(name).many_to_many and name in self.initial:
                # The form's initial already holds the related rows (tags as Tag objects): no query.
                rows = self.initial[name] or []
                names = [str(row) if hasattr(getattr(obj, name), "names") else row for row in rows]
                snapshot[name] = canonical(names)
            else:
                snapshot[name] = model_value(obj, name)
        return snapshot

    def merge_base(self) -> dict | None:
        raw = self.data.get(self.add_prefix(BASE_FIELD))
        if not raw:
            return None
        try:
            return signing.loads(raw, salt=BASE_SALT)
        except signing.BadSignature:
            return None

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
        base = self.merge_base()
        if current is not None and base is not None and base.get("v") != current:
            return self.merge(cleaned, base, loaded, current)
        if current is not None and current != loaded:
            # The next submit of this form is based on the version the editor has now been shown.
            self.data = self.data.copy()
            self.data[self.add_prefix(FIELD)] = str(current)
            raise ValidationError(conflict_message(self.instance, loaded, current), code="conflict")
        return cleaned

    def merge(self, cleaned, base: dict, seen: int, current: int):
        """Three-way merge of this save (mine) with the saved row (theirs) over the form's base."""
        if self.instance.version != current:
            # The row moved between loading and locking it: too close to merge, ask to save again.
            raise ValidationError(conflict_message(self.instance, seen, current), code="conflict")
        values = base.get("values", {})
        theirs, mine, both = [], [], []
        changed = set(self.changed_data)  # compared with the saved row: mine differs from theirs
        for name in self.merge_fields():
            if name not in changed or name not in cleaned or name not in values:
                continue
            was, their, my = values[name], model_value(self.instance, name), canonical(cleaned[name])
            if their == was:
                mine.append(name)
            elif my == was:
                theirs.append(name)
            else:
                # Both changed it: the editor's choice counts once they have seen this version.
                choice = self.data.get(self.add_prefix(CHOICE_PREFIX + name)) if seen == current else None
                if choice == "theirs":
                    theirs.append(name)
                elif choice == "mine":
                    mine.append(name)
                else:
                    both.append(name)
        who = last_saved_by(self.instance)
        if both:
            self.data = self.data.copy()
            self.data[self.add_prefix(FIELD)] = str(current)
            for name in theirs:
                self.show_their_value(name)
            for name in both:
                self.add_error(name, both_changed_message(self, name, who))
            labels = ", ".join(str(self.fields[name].label or name) for name in both)
            raise ValidationError(
                format_html(
                    "{who} saved this {kind} while you were editing, and you both changed: {labels}. "
                    "Nothing was saved yet. For each of these fields, their version is shown next to "
                    "yours: choose one and save again. {kept}",
                    who=who,
                    kind=self.instance._meta.verbose_name,
                    labels=labels,
                    kept=kept_sentence(self, theirs),
                ),
                code="conflict",
            )
        for name in theirs:
            # Not in cleaned_data: the row keeps the value the colleague saved.
            del cleaned[name]
        cleaned[FIELD] = current
        self.merge_report = {"theirs": theirs, "mine": mine, "by": who}
        return cleaned

    def show_their_value(self, name: str) -> None:
        """Put the colleague's value in the re-displayed form (display only: the merge keeps it anyway)."""
        field = self.fields[name]
        widget = getattr(field.widget, "widget", field.widget)  # the admin's related-field wrapper
        key = self.add_prefix(name)
        value = self.get_initial_for_field(field, name)
        try:
            if isinstance(widget, forms.MultiWidget):
                for i, part in enumerate(widget.decompress(value)):
                    self.data[f"{key}_{i}"] = widget.widgets[i].format_value(part) or ""
            elif isinstance(widget, forms.CheckboxInput):
                if value:
                    self.data[key] = "on"
                else:
                    self.data.pop(key, None)
            else:
                shown = widget.format_value(field.prepare_value(value))
                if isinstance(shown, list):
                    self.data.setlist(key, shown) if hasattr(self.data, "setlist") else None
                else:
                    self.data[key] = "" if shown is None else shown
        except (TypeError, ValueError, AttributeError):
            pass


def last_saved_by(obj) -> str:
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    return (entry.user.get_full_name() or entry.user.get_username()) if entry else str(_("Someone else"))


def labels_of(form, names) -> str:
    return ", ".join(str(form.fields[name].label or name) for name in names)


def kept_sentence(form, names) -> str:
    if not names:
        return ""
    return str(_("Their changes to %(fields)s are kept.") % {"fields": labels_of(form, names)})


def both_changed_message(form, name: str, who: str):
    choice = form.add_prefix(CHOICE_PREFIX + name)
    return format_html(
        '<div class="merge-choice">Changed by both of you. {who}\'s version:'
        '<blockquote class="merge-theirs" style="white-space:pre-wrap">{theirs}</blockquote>'
        "Yours is in the field. "
        '<label><input type="radio" name="{choice}" value="mine" checked> Keep yours</label> '
        '<label><input type="radio" name="{choice}" value="theirs"> Use theirs</label></div>',
        who=who,
        theirs=shown_value(form.instance, name),
        choice=choice,
    )


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


def presence_notices(obj, user) -> list[str]:
    """One line per other editor who opened ``obj`` recently, most recent first."""
    notices = []
    for name, minutes in presence_others(obj, user):
        ago = _("just now") if minutes < 1 else _("%(minutes)s min ago") % {"minutes": minutes}
        notices.append(
            _(
                "%(name)s opened this %(kind)s (%(ago)s) and may be editing it. "
                "If you both save, the second save will be stopped so nothing is lost."
            )
            % {"name": name, "kind": obj._meta.verbose_name, "ago": ago}
        )
    return notices


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
            first["fields"] = [*first["fields"], FIELD, BASE_FIELD]
        return fieldsets

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The object the change view loaded: the page says who else has it open, and opening it
        # notes this editor. The notice is part of this page (templates/admin/change_form.html),
        # not a queued message: reloading shows it afresh, once per person, and it never piles up
        # on the next page the editor visits.
        if obj is not None and obj.pk is not None:
            context["presence_notices"] = presence_notices(obj, request.user)
            if request.method == "GET":
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

    def construct_change_message(self, request, form, formsets, add=False):
        report = getattr(form, "merge_report", None)
        if report:
            parts = [
                _("%(who)s saved this %(kind)s while you were editing; both edits are merged.")
                % {"who": report["by"], "kind": form.instance._meta.verbose_name}
            ]
            if report["theirs"]:
                parts.append(_("Kept their changes to: %(f)s.") % {"f": labels_of(form, report["theirs"])})
            if report["mine"]:
                parts.append(_("Applied yours to: %(f)s.") % {"f": labels_of(form, report["mine"])})
            self.message_user(request, " ".join(str(p) for p in parts), messages.WARNING)
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        presence_clear(obj, request.user)
        return super().log_change(request, obj, message)
