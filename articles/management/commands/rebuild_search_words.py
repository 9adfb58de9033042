from django.core.management.base import BaseCommand

from articles.spelling import search_words_rebuild


class Command(BaseCommand):
    help = (
        "Count every word of the published stories again: the vocabulary search corrects a misspelled "
        "query against. Run nightly (cron) or after a large import; search keeps working meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say how many words would be stored.")

    def handle(self, *args, dry_run: bool, **options):
        report = search_words_rebuild(dry_run=dry_run)
        self.stdout.write(self.style.SUCCESS(report.summary()) if not dry_run else report.summary())
