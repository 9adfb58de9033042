"""Warning an editor who is about to create a person who may already be in the directory.

"Pirhoshein Kolivand" when "Pirhossein Kolivand" exists, "Mohammad-Hassan Ghosian" beside
"Mohammadhassan Ghosian", "Rezaee" beside "Rezaei": the form names the record and the reason and
asks the editor to confirm. A warning, not a refusal: two different people may have close names.
(The exact same normalized name is refused outright: organizations.identity.)
"""

from dataclasses import dataclass

from django import forms
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process

from organizations.forms import EntityNameForm
from organizations.models import Person, PersonAlias
from organizations.names import spelling_key, spelling_variant


@dataclass
class LikelyVariant:
    person: Person
    written: str  # the existing name or other name the new name resembles
    reason: str


def likely_variants(name: str, *, exclude_pk: int | None = None, limit: int = 5) -> list[LikelyVariant]:
    """Existing people whose name or other name ``name`` may be a spelling of, closest first."""
    key = spelling_key(name)
    if not key:
        return []
    rows = [(n, pk) for pk, n in Person.objects.values_list("pk", "name")]
    rows += [(n, pk) for pk, n in PersonAlias.objects.values_list("person_id", "name")]
    if exclude_pk is not None:
        rows = [(n, pk) for n, pk in rows if pk != exclude_pk]
    keys = [spelling_key(n) for n, _pk in rows]
    found: dict[int, LikelyVariant] = {}
    for _key, _score, index in process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=85, limit=50):
        written, pk = rows[index]
        reason = spelling_variant(written, name)
        if reason and pk not in found:
            found[pk] = LikelyVariant(None, written, reason)
    people = Person.objects.in_bulk(list(found))
    out = []
    for pk, variant in found.items():
        if pk in people:
            variant.person = people[pk]
            out.append(variant)
    return out[:limit]


class PersonVariantForm(EntityNameForm):
    """The person form, with a warning (and a box to confirm past it) for likely variants."""

    confirm_new_person = forms.BooleanField(
        label=_("Yes, this is a different person"),
        required=False,
        help_text=_("Tick to save although the name looks like a spelling of someone already here."),
    )

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if not name or cleaned.get("confirm_new_person"):
            return cleaned
        if self.instance.pk and self.instance.name == name:
            return cleaned  # an unchanged name was confirmed (or was not a question) before
        variants = likely_variants(name, exclude_pk=self.instance.pk)
        if variants:
            items = format_html_join("", "<li>{}</li>", ((self._describe(v),) for v in variants))
            raise forms.ValidationError(
                format_html(
                    "{}<ul>{}</ul>{}",
                    _("This may be someone already in the directory:"),
                    items,
                    _(
                        "If it is the same person, add your spelling there as an other name instead. "
                        "If it is a different person, tick “Yes, this is a different person” and save again."
                    ),
                ),
                code="likely_variant",
            )
        return cleaned

    @staticmethod
    def _describe(variant: LikelyVariant):
        reasons = {
            "same name": _("the same name once spelling is set aside"),
            "variant spelling": _("a common variant spelling"),
            "close spelling": _("one word spelt almost the same"),
        }
        try:
            url = reverse("admin:organizations_person_change", args=[variant.person.pk])
        except NoReverseMatch:
            url = ""
        return format_html(
            '<a href="{}">{}</a> (as “{}”): {}',
            url,
            variant.person.name,
            variant.written,
            reasons[variant.reason],
        )
