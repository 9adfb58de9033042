"""Countries by their ISO 3166 code, named as readers know them ("Iran" for IR), from pycountry.

Records store the two-letter code (stable, what importers and Wikidata use); editors pick a name
from the list and pages show the name.
"""

from functools import cache

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def _reader_name(country) -> str:
    """pycountry's common name where it has one ("Iran"), else its name, inverted where ISO puts
    the qualifier last ("Palestine, State of" -> "State of Palestine")."""
    name = getattr(country, "common_name", None) or country.name
    if ", " in name:
        head, _sep, tail = name.partition(", ")
        name = f"{tail} {head}".removeprefix("The ")
    return name


@cache
def country_names() -> dict[str, str]:
    """{"IR": "Iran", "TR": "Türkiye", ...}"""
    return {country.alpha_2: _reader_name(country) for country in pycountry.countries}


def country_choices() -> list[tuple[str, str]]:
    """Choices for a select, sorted by name, with an empty first choice."""
    names = country_names()
    return [("", "—"), *sorted(names.items(), key=lambda item: item[1])]


def country_name(code: str) -> str:
    """The name of ``code`` ("Iran" for "IR"); the code itself when the list does not know it."""
    if not code:
        return ""
    return country_names().get(code.upper(), code)


def validate_country(value: str) -> None:
    if value and value not in country_names():
        raise ValidationError(
            _("“%(value)s” is not a country code; choose the country from the list (IR for Iran)."),
            params={"value": value},
            code="invalid_country",
        )


def country_code(text: str) -> str | None:
    """The code a free-text country means: "ir", "Iran", "Islamic Republic of Iran", "Türkiye"."""
    value = (text or "").strip()
    if not value:
        return None
    if value.upper() in country_names():
        return value.upper()
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        pass
    lowered = value.lower()
    for code, name in country_names().items():
        if name.lower() == lowered:
            return code
    return None
