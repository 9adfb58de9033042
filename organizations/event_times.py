"""Re-reading event times typed in the old admin form, which read them in the newsroom's zone.

Before the form read times in the event's own zone, 09:30 typed for an event in Europe/Istanbul was
stored as 09:30 Tehran time (06:00 UTC) and shown as 09:00 Istanbul time. Re-reading takes the
clock the editor typed (the stored moment on the newsroom's clock) and reads it in the event's zone.

This is a command an editor runs for the events they know were typed that way, not a migration:
the database does not record which path wrote a time, and imported events (read in their own zone
all along) would be moved by a blind conversion.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from organizations.models import Event


class EventTimesError(Exception):
    """Bad input (an unknown slug or zone): one line for the command."""


@dataclass(frozen=True)
class EventTimesChange:
    event: Event
    old_starts_at: datetime
    starts_at: datetime
    ends_at: datetime | None

    def summary(self) -> str:
        zone = self.event.zone
        old, new = self.old_starts_at.astimezone(zone), self.starts_at.astimezone(zone)
        label = self.event.zone_label
        return f"{self.event.slug}: starts {old:%Y-%m-%d %H:%M} → {new:%Y-%m-%d %H:%M} ({label})"


def reread_time(moment: datetime | None, *, typed_in: ZoneInfo, meant: ZoneInfo) -> datetime | None:
    """The moment whose clock in ``meant`` shows what ``moment``'s clock in ``typed_in`` shows."""
    if moment is None:
        return None
    return moment.astimezone(typed_in).replace(tzinfo=meant)


def event_times_reread(*, slugs: list[str], typed_in: str, dry_run: bool = False) -> list[EventTimesChange]:
    """Re-read the named events' start and end as clocks typed in ``typed_in``, in one transaction.

    ``slugs`` empty means every event whose zone is not ``typed_in`` (the others are unchanged by
    a re-reading). Returns the changes made (or, with ``dry_run``, the ones that would be).
    """
    try:
        typed_zone = ZoneInfo(typed_in)
    except (KeyError, ValueError):
        raise EventTimesError(f"“{typed_in}” is not a timezone name; use one like Asia/Tehran.") from None
    events = Event.objects.order_by("starts_at", "pk")
    if slugs:
        events = events.filter(slug__in=slugs)
        missing = sorted(set(slugs) - set(events.values_list("slug", flat=True)))
        if missing:
            raise EventTimesError(f"No event with the slug “{missing[0]}”; nothing was changed.")
    else:
        events = events.exclude(timezone=typed_in)
    changes = []
    with transaction.atomic():
        for event in events.select_for_update():
            starts_at = reread_time(event.starts_at, typed_in=typed_zone, meant=event.zone)
            ends_at = reread_time(event.ends_at, typed_in=typed_zone, meant=event.zone)
            if (starts_at, ends_at) == (event.starts_at, event.ends_at):
                continue
            changes.append(EventTimesChange(event, event.starts_at, starts_at, ends_at))
        if not dry_run:
            for change in changes:
                change.event.starts_at, change.event.ends_at = change.starts_at, change.ends_at
                change.event.save(update_fields=["starts_at", "ends_at", "updated_at"])
    return changes
