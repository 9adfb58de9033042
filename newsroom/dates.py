"""Dates and times as people write them: "24 November 2026, 08:40 Tehran time".

One formatter for every public page (the ``when`` template filter, ``newsroom.templatetags.reading``)
so a story's time, a listing's date and an event's clock read the same way everywhere. A time names
its zone in words from the datetime's own zone: the newsroom's for stories, the event's for events.
"""

from datetime import date, datetime

from django.utils import dateformat
from django.utils.translation import gettext as _

#: Styles of :func:`reader_date`; a date (no time) is always shown as "date" or "month".
STYLES = {"datetime", "date", "month", "time", "clock"}


def zone_label(name: str) -> str:
    """The zone as a reader says it: "Istanbul time", "New York time", "UTC"."""
    if not name or name.upper() in {"UTC", "ETC/UTC", "GMT", "ETC/GMT", "Z"}:
        return "UTC"
    place = name.rsplit("/", 1)[-1].replace("_", " ")
    if place.upper().startswith(("GMT", "UTC", "+", "-")):
        return place
    return _("%(place)s time") % {"place": place}


def zone_name_of(moment: datetime) -> str:
    """The tz database name of an aware datetime's zone, or its abbreviation ("UTC", "+0330")."""
    return getattr(moment.tzinfo, "key", None) or moment.tzname() or ""


def reader_date(value: date | datetime | None, style: str = "") -> str:
    """``value`` in one of the :data:`STYLES`:

    - ``datetime`` (the default for a datetime): "24 November 2026, 08:40 Tehran time"
    - ``date`` (the default for a date): "24 November 2026"
    - ``month``: "November 2026"
    - ``time``: "08:40 Tehran time"; ``clock``: "08:40" (the first half of a range)

    A datetime is shown on its own clock: convert it first (templates do, to the newsroom's zone,
    unless it was given a zone with ``|timezone:``).
    """
    if value in (None, ""):
        return ""
    style = style or ("datetime" if isinstance(value, datetime) else "date")
    if style not in STYLES:
        raise ValueError(f"unknown date style {style!r}; one of {', '.join(sorted(STYLES))}")
    if style == "month":
        return dateformat.format(value, "F Y")
    if style == "date" or not isinstance(value, datetime):
        return dateformat.format(value, "j F Y")
    clock = dateformat.format(value, "H:i")
    if style == "clock":
        return clock
    zoned = f"{clock} {zone_label(zone_name_of(value))}" if value.tzinfo else clock
    if style == "time":
        return zoned
    return f"{dateformat.format(value, 'j F Y')}, {zoned}"
