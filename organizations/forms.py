"""Admin forms for people, organizations and events: one normalized name, one entity; event times
in the event's own zone."""

import datetime

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsroom.picture_uploads import validate_image_upload
from organizations.countries import country_choices, country_names
from organizations.identity import AcronymClash, NameClash, acronym_owner, name_owner
from organizations.zones import timezone_choices, zone_or_utc


class EntityNameForm(forms.ModelForm):
    """Shows the model's identity errors with a link to the record that has the name or acronym.

    The rule itself is the model's ``clean()`` (organizations.identity), which every write path
    meets; this form only adds the link, so the editor can add the spelling there or merge the two
    instead of creating a second record of one person.
    """

    def clean(self):
        cleaned = super().clean()
        # A photo or logo is checked by its content, with the image library's messages.
        field = getattr(self.instance, "picture_field", "")
        upload = cleaned.get(field) if field else None
        if isinstance(upload, UploadedFile):
            try:
                validate_image_upload(upload)
            except forms.ValidationError as error:
                self.add_error(field, error)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        instance = self.instance
        if self.has_error("name", NameClash.code):
            self._link("name", name_owner(type(instance), instance.name, exclude_pk=instance.pk))
        if self.has_error("acronym", AcronymClash.code):
            self._link("acronym", acronym_owner(instance.acronym, exclude_pk=instance.pk))

    def _link(self, field: str, clash: NameClash | AcronymClash | None) -> None:
        """Replace the model's message on ``field`` with the same message and a link to the record."""
        if clash is None or not clash.admin_url:
            return
        linked = forms.ValidationError(
            format_html('{} <a href="{}">Open “{}”</a>.', clash.message, clash.admin_url, clash.entity),
            code=clash.code,
        )
        self._errors[field] = self.error_class(
            [linked if error.code == clash.code else error for error in self._errors[field].as_data()]
        )


class CountryChoiceFormMixin:
    """The country as a name picked from pycountry's list ("Iran"), stored as its code (IR)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("country")
        if field is None:
            return
        choices = country_choices()
        saved = self.instance.country if self.instance.pk else ""
        if saved and saved not in country_names():
            choices.append((saved, saved))  # a value from before the list, kept until an editor picks
        self.fields["country"] = forms.ChoiceField(
            choices=choices, label=field.label, help_text=field.help_text, required=False
        )


class OrganizationForm(CountryChoiceFormMixin, EntityNameForm):
    """The organization form: its name's identity check and its country by name."""


class EventClockField(forms.SplitDateTimeField):
    """A date and a time as a clock where the event happens shows them; ``EventForm`` adds the zone."""

    def compress(self, data_list):
        if not data_list:
            return None
        if data_list[0] in self.empty_values:
            raise forms.ValidationError(self.error_messages["invalid_date"], code="invalid_date")
        if data_list[1] in self.empty_values:
            raise forms.ValidationError(self.error_messages["invalid_time"], code="invalid_time")
        return datetime.datetime.combine(*data_list)


class EventForm(CountryChoiceFormMixin, forms.ModelForm):
    """Times are typed and shown in the event's own zone, chosen from the tz database's list.

    09:30 typed for an event in Europe/Istanbul is stored as 06:30 UTC and shown again as 09:30,
    whatever the newsroom's own zone is.
    """

    TIMES = ("starts_at", "ends_at")

    class Meta:  # the admin names the model and the fields
        field_classes = {"starts_at": EventClockField, "ends_at": EventClockField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("timezone")
        if field is not None:
            choices = list(timezone_choices())
            saved = self.instance.timezone if self.instance.pk else None
            if saved and saved not in {value for _g, group in choices for value, _l in group}:
                choices.append((_("Saved value"), [(saved, saved)]))  # an old alias such as "Iran"
            self.fields["timezone"] = forms.ChoiceField(
                choices=choices,
                label=field.label,
                help_text=field.help_text,
                initial=field.initial,
                required=field.required,
            )
        if self.instance.pk:
            zone = self.instance.zone
            for name in self.TIMES:
                value = getattr(self.instance, name)
                if name in self.fields and value is not None:
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone = zone_or_utc(cleaned.get("timezone") or self.instance.timezone)
        for name in self.TIMES:
            value = cleaned.get(name)
            if isinstance(value, datetime.datetime) and timezone.is_naive(value):
                cleaned[name] = timezone.make_aware(value, zone)
        return cleaned
