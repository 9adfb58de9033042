from django.core.management.base import BaseCommand
from django.utils import timezone

from articles.workflow.scheduling import publish_due


class Command(BaseCommand):
    help = (
        "Publish scheduled articles whose time has come and unpublish expired ones; "
        "safe to run every minute from cron (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would change without changing anything."
        )

    def handle(self, *args, dry_run: bool, **options):
        report = publish_due(now=timezone.now(), dry_run=dry_run)
        for article in report.published:
            self.stdout.write(f"{'would publish' if dry_run else 'published'}: {article.slug}")
        for article in report.unpublished:
            self.stdout.write(f"{'would unpublish' if dry_run else 'unpublished'}: {article.slug}")
        for article, problems in report.held:
            self.stderr.write(f"held back: {article.slug}: {' '.join(problems)}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
