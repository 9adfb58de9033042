from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.io.records import ImportRejected
from articles.io.reporting import refused, rejected
from website.demo_loader import ensure_demo_user, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo newsroom (website/demo/*.jsonl: sections, people, organizations, events, "
        "articles) through import_entities and import_articles. Safe to run again: only what differs "
        "from the demo files is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-user",
            action="store_true",
            help="Also create the local 'editor' account with a new password, printed here. "
            "Refused unless DJANGO_DEBUG is on.",
        )

    def handle(self, *args, demo_user: bool, **options):
        if demo_user and not settings.DEBUG:
            raise CommandError(
                "--demo-user is for local use only: set DJANGO_DEBUG=1, or use createsuperuser."
            )
        try:
            report = load_demo()
        except ImportRejected as error:
            raise rejected(self, error) from None
        except DatabaseError as error:
            raise refused(error) from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
        if demo_user:
            username, password = ensure_demo_user()
            self.stdout.write(
                "\nAdmin: http://127.0.0.1:8000/admin/\n"
                f"  username: {username}\n  password: {password}\n"
                "  (a local demo account; the password changes every time `make run` starts)\n"
            )
