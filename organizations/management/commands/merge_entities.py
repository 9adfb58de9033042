from django.core.management.base import BaseCommand, CommandError

from organizations.merge import MODELS, MergeError, entity_lookup, entity_merge


class Command(BaseCommand):
    help = (
        "Merge two records of one person or organization: every article link, quote, byline, affiliation, "
        "event role and alias of DROP moves to KEEP, DROP's names become aliases and its address redirects "
        "to KEEP. KEEP and DROP are slugs or ids. One transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(MODELS), help="person or organization")
        parser.add_argument("keep", help="Slug or id of the record that remains.")
        parser.add_argument("drop", help="Slug or id of the record folded into it and removed.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would happen; change nothing.")

    def handle(self, *args, kind: str, keep: str, drop: str, dry_run: bool, **options):
        from django.db import transaction

        try:
            keep_obj = entity_lookup(kind, keep)
            drop_obj = entity_lookup(kind, drop)
            with transaction.atomic():
                report = entity_merge(kind=kind, keep=keep_obj, drop=drop_obj)
                if dry_run:
                    transaction.set_rollback(True)
        except MergeError as error:
            raise CommandError(error.message) from None
        prefix = "Dry run, nothing changed. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
