from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from organizations.event_times import EventTimesError, event_times_reread


class Command(BaseCommand):
    help = (
        "Correct event times typed in the admin before it read them in the event's own zone: the clock "
        "the editor typed (stored as the newsroom's time) is read again in the event's zone, so 09:30 "
        "typed for an Istanbul event becomes 09:30 Istanbul time. Name the events (slugs), or --all "
        "for every event in another zone than the newsroom's. Run it once per event: a second run moves "
        "the time again. One transaction; --dry-run shows the changes first."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Slugs of the events to correct.")
        parser.add_argument(
            "--all", action="store_true", help="Every event whose zone is not the newsroom's (--typed-in)."
        )
        parser.add_argument(
            "--typed-in",
            default=settings.TIME_ZONE,
            help="The zone the old form read the times in: the newsroom's "
            "(NEWSROOM_TIME_ZONE, default %(default)s).",
        )
        parser.add_argument("--dry-run", action="store_true", help="List the changes; change nothing.")

    def handle(self, *args, slugs: list[str], all: bool, typed_in: str, dry_run: bool, **options):
        if bool(slugs) == all:
            raise CommandError("Name the events to correct by slug, or give --all (not both).")
        try:
            changes = event_times_reread(slugs=slugs, typed_in=typed_in, dry_run=dry_run)
        except EventTimesError as error:
            raise CommandError(str(error)) from None
        for change in changes:
            self.stdout.write(change.summary())
        verb = "would be corrected (dry run, nothing changed)" if dry_run else "corrected"
        self.stdout.write(self.style.SUCCESS(f"{len(changes)} event(s) {verb}."))
