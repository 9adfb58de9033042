from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.workflow.autosave import autosaves_prune


class Command(BaseCommand):
    help = (
        "Remove autosaved change forms nobody came back for (older than NEWSROOM_AUTOSAVE_KEEP_DAYS, "
        "30 by default); safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Remove autosaves older than this many days "
            f"(default {settings.NEWSROOM_AUTOSAVE_KEEP_DAYS}).",
        )

    def handle(self, *args, days: int | None, **options):
        if days is not None and days < 0:
            raise CommandError("--days must be 0 or more.")
        removed = autosaves_prune(older_than_days=days)
        self.stdout.write(self.style.SUCCESS(f"Removed {removed} old autosave(s)."))
