from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.io.records import ImportRejected
from articles.io.reporting import refused, rejected
from website.demo_loader import ensure_demo_user, load_demo
from website.local_address import AddressError, ensure_free, parse_address


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
        parser.add_argument(
            "--address",
            help="HOST:PORT the site is about to be served at (make run passes runserver's): checked "
            "to be free, and printed as the site's and the admin's address.",
        )

    def handle(self, *args, demo_user: bool, address: str | None, **options):
        if demo_user and not settings.DEBUG:
            raise CommandError(
                "--demo-user is for local use only: set DJANGO_DEBUG=1, or use createsuperuser."
            )
        served = None
        if address is not None:
            try:
                served = parse_address(address)
                ensure_free(served)
            except AddressError as error:
                raise CommandError(str(error)) from None
        try:
            report = load_demo()
        except ImportRejected as error:
            raise rejected(self, error) from None
        except DatabaseError as error:
            raise refused(error) from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
        if served is not None:
            elsewhere = " (and this machine's other addresses)" if served.everywhere else ""
            self.stdout.write(f"\nServing {served.url}{elsewhere}  (Ctrl-C to stop)")
        if demo_user:
            username, password = ensure_demo_user()
            admin = f"{served.url}admin/" if served else "/admin/ on the address the site is served at"
            self.stdout.write(
                f"\nAdmin: {admin}\n"
                f"  username: {username}\n  password: {password}\n"
                "  (a local demo account; the password changes every time `make run` starts)\n"
            )
