"""Timezones as editors choose them and readers read them.

The list comes from the tz database (``zoneinfo.available_timezones``), grouped by region and
sorted; a zone is named for readers by its city: Europe/Istanbul reads "Istanbul time".
"""

from functools import cache
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo, available_timezones

from django.conf import settings

from newsroom.dates import zone_label  # noqa: F401  (organizations name zones through the core's)

#: Regions of the tz database shown in the list; the old aliases ("Iran", "Turkey", "US/Eastern",
#: "Etc/GMT+3") stay valid values but are not offered, so each place appears once.
REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


@cache
def zone_links() -> dict[str, str]:
    """Other names of a zone for the same place, and the name to use ("Asia/Istanbul" ->
    "Europe/Istanbul", "Iran" -> "Asia/Tehran").

    Read from the tz database's own summary (tzdata.zi) where the system has it; without it every
    name is offered, aliases included. A link to another city's zone (Europe/Oslo, kept with
    Europe/Berlin's rules) is a place of its own and stays in the list.
    """
    for folder in TZPATH:
        summary = Path(folder) / "tzdata.zi"
        if summary.is_file():
            links = {}
            for line in summary.read_text(encoding="utf-8").splitlines():
                if line.startswith("L "):
                    _kind, target, name = line.split()[:3]
                    if "/" not in name or name.rsplit("/", 1)[-1] == target.rsplit("/", 1)[-1]:
                        links[name] = target
            return links
    return {}


def newsroom_time_zone() -> str:
    """The default zone of a new event: the newsroom's own (``TIME_ZONE``)."""
    return settings.TIME_ZONE


@cache
def timezone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a select: [("Asia", [("Asia/Tehran", "Tehran"), ...]), ..., ("Other", UTC)]."""
    groups: dict[str, list[tuple[str, str]]] = {}
    links = zone_links()
    for name in available_timezones():
        region, _sep, place = name.partition("/")
        if name in links:
            continue
        if region in REGIONS and place:
            groups.setdefault(region, []).append((name, place.replace("_", " ").replace("/", " – ")))
    choices = [(region, sorted(groups[region], key=lambda c: c[1])) for region in sorted(groups)]
    return [*choices, ("Other", [("UTC", "UTC (Coordinated Universal Time)")])]


def zone_or_utc(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def canonical_zone(value: str) -> str | None:
    """The tz database name a free-text zone means ("istanbul", "asia/tehran ", "Tehran"), or None."""
    text = (value or "").strip()
    if not text:
        return None
    zones = available_timezones()
    links = zone_links()
    if text in zones:
        return links.get(text, text)
    by_lower = {name.lower(): name for name in zones}
    key = text.lower().replace(" ", "_")
    if key in by_lower:
        return links.get(by_lower[key], by_lower[key])
    key = key.removesuffix("_time")
    by_city = {}
    for name in sorted(zones):
        region, _sep, place = name.rpartition("/")
        if region.split("/")[0] in REGIONS:
            by_city.setdefault(place.lower(), links.get(name, name))
    return by_city.get(key)
