"""How dates and other-language text read on public pages: ``{{ moment|when }}``,
``{{ day|when:"date" }}``, ``<span{{ alias.language|lang_dir }}>``."""

from django import template

from newsroom.dates import reader_date
from newsroom.languages import language_attributes

register = template.Library()


@register.filter(expects_localtime=True)
def when(value, style: str = "") -> str:
    """ "24 November 2026, 08:40 Tehran time" in the newsroom's zone, or the zone given with
    ``|timezone:event.timezone`` (Django's ``tz`` library) or ``{% localtime off %}``."""
    return reader_date(value, style)


@register.filter
def lang_dir(code, page_language: str = ""):
    """`` lang="fa" dir="rtl"`` (or `` dir="auto"`` for an unknown language) to put inside a tag."""
    return language_attributes(code, page_language or None)
