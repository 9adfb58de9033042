"""import_entities reads an event's time without an offset in the event's own zone, never in UTC."""

import json
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from organizations.models import Event

pytestmark = pytest.mark.django_db


def event_file(tmp_path, **fields):
    record = {"type": "event", "slug": "istanbul-exhibition", "name": "Photo exhibition", **fields}
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    return path


def test_a_time_without_offset_is_read_in_the_events_zone(tmp_path):
    path = event_file(
        tmp_path, starts_at="2026-03-13T09:30:00", ends_at="2026-03-13T17:00", timezone="Europe/Istanbul"
    )
    call_command("import_entities", str(path))
    event = Event.objects.get()
    assert event.starts_at == datetime(2026, 3, 13, 6, 30, tzinfo=UTC)  # 09:30 in Istanbul (UTC+3)
    assert event.local_start.strftime("%H:%M") == "09:30"
    assert event.local_end.strftime("%H:%M") == "17:00"


def test_a_record_without_a_zone_is_read_in_the_newsrooms_zone(tmp_path, settings):
    settings.TIME_ZONE = "Asia/Tehran"
    call_command("import_entities", str(event_file(tmp_path, starts_at="2026-03-13T09:30:00")))
    event = Event.objects.get()
    assert event.timezone == "Asia/Tehran"
    assert event.starts_at == datetime(2026, 3, 13, 6, 0, tzinfo=UTC)  # 09:30 in Tehran (UTC+3:30)


def test_a_time_with_an_offset_keeps_its_offset(tmp_path):
    path = event_file(tmp_path, starts_at="2026-03-13T09:30:00+00:00", timezone="Europe/Istanbul")
    call_command("import_entities", str(path))
    assert Event.objects.get().starts_at == datetime(2026, 3, 13, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "message"),
    [
        ("Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a timezone name"),
        ("Istanbul", "Did you mean Europe/Istanbul?"),
    ],
)
def test_an_unknown_zone_is_refused_with_its_line_and_nothing_written(tmp_path, zone, message):
    path = event_file(tmp_path, starts_at="2026-03-13T09:30:00", timezone=zone)
    with pytest.raises(CommandError) as refused:
        call_command("import_entities", str(path))
    assert message in str(refused.value)
    assert "events.jsonl:1: timezone:" in str(refused.value)
    assert not Event.objects.exists()
