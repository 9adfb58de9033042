"""reread_event_times: a time the old admin form read in the newsroom's zone is read in the event's."""

from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from organizations.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

# 09:30 typed for an Istanbul event, read by the old form as 09:30 Tehran time (UTC+3:30).
TYPED_AS_TEHRAN = datetime(2026, 3, 13, 6, 0, tzinfo=UTC)


def istanbul_event(**fields):
    return EventFactory(
        slug="istanbul-exhibition",
        timezone="Europe/Istanbul",
        starts_at=TYPED_AS_TEHRAN,
        ends_at=datetime(2026, 3, 13, 13, 30, tzinfo=UTC),  # 17:00 typed
        **fields,
    )


def test_the_typed_clock_is_read_in_the_events_zone(capsys):
    event = istanbul_event()
    assert event.local_start.strftime("%H:%M") == "09:00"  # what readers saw
    call_command("reread_event_times", "istanbul-exhibition", "--typed-in", "Asia/Tehran")
    event.refresh_from_db()
    assert event.local_start.strftime("%H:%M") == "09:30"
    assert event.local_end.strftime("%H:%M") == "17:00"
    out = capsys.readouterr().out
    assert "istanbul-exhibition: starts 2026-03-13 09:00 → 2026-03-13 09:30 (Istanbul time)" in out
    assert "1 event(s) corrected." in out


def test_dry_run_lists_and_changes_nothing(capsys):
    event = istanbul_event()
    call_command("reread_event_times", "--all", "--typed-in", "Asia/Tehran", "--dry-run")
    event.refresh_from_db()
    assert event.starts_at == TYPED_AS_TEHRAN
    assert "would be corrected" in capsys.readouterr().out


def test_all_leaves_events_in_the_newsrooms_zone_alone():
    istanbul_event()
    tehran = EventFactory(
        slug="tehran-meeting", timezone="Asia/Tehran", starts_at=TYPED_AS_TEHRAN, ends_at=None
    )
    call_command("reread_event_times", "--all", "--typed-in", "Asia/Tehran")
    tehran.refresh_from_db()
    assert tehran.starts_at == TYPED_AS_TEHRAN
    assert Event.objects.get(slug="istanbul-exhibition").local_start.strftime("%H:%M") == "09:30"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-event"], "No event with the slug “no-such-event”"),
        (["istanbul-exhibition", "--typed-in", "Nowhere/City"], "is not a timezone name"),
        ([], "Name the events to correct by slug, or give --all"),
    ],
)
def test_bad_input_is_one_line_and_nothing_changes(args, message):
    event = istanbul_event()
    with pytest.raises(CommandError, match=message):
        call_command("reread_event_times", *args)
    event.refresh_from_db()
    assert event.starts_at == TYPED_AS_TEHRAN
