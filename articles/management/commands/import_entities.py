from django.core.management.base import BaseCommand
from django.db import DatabaseError

from articles.io.entities import import_entities
from articles.io.records import ImportRejected
from articles.io.reporting import refused, rejected


class Command(BaseCommand):
    help = (
        "Import sections, organizations, people and events from JSON Lines files (see docs/formats.md). "
        "Everything is checked first; a problem anywhere means nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing.")
        parser.add_argument(
            "--update", action="store_true", help="Replace records whose slug exists (otherwise an error)."
        )

    def handle(self, *args, files: list[str], dry_run: bool, update: bool, **options):
        try:
            report = import_entities(files, update=update, dry_run=dry_run)
        except ImportRejected as error:
            raise rejected(self, error) from None
        except DatabaseError as error:
            raise refused(error) from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
