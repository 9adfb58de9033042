"""``manage.py migrate_locked``: ``migrate`` under a PostgreSQL advisory lock.

Two nodes that start their deploy step at once no longer race (two ``CREATE TABLE`` of the same
table, one fails): the second waits for the lock, then finds nothing left to apply and exits 0.
The lock is a session lock: run it against PostgreSQL directly, not through PgBouncer in
transaction pooling (docs/deployment.md).
"""

import time

from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.commands.migrate import Command as MigrateCommand
from django.db import connections

# Any fixed 64-bit number, the same on every node: "newsroom migrate" in ASCII.
LOCK_ID = 0x6E65777372_6D6967


class Command(MigrateCommand):
    help = "Apply migrations while holding a PostgreSQL advisory lock, so nodes never migrate at once."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--lock-timeout",
            type=int,
            default=600,
            help="Seconds to wait for another node's migrate to finish (default 600).",
        )

    def handle(self, *args, **options):
        connection = connections[options["database"]]
        timeout = options.pop("lock_timeout")
        deadline = time.monotonic() + timeout
        told = False
        with connection.cursor() as cursor:
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_ID])
                if cursor.fetchone()[0]:
                    break
                if time.monotonic() > deadline:
                    raise CommandError(f"Another migrate held the lock over {timeout} s; nothing applied.")
                if not told and options["verbosity"] >= 1:
                    self.stdout.write("Another node is migrating; waiting for it to finish.")
                    told = True
                time.sleep(0.5)
        try:
            positional = [options[name] for name in ("app_label", "migration_name") if options.get(name)]
            passed = {key: value for key, value in options.items() if key in _MIGRATE_OPTIONS}
            call_command("migrate", *positional, **passed)
        finally:
            # Ending the session would release it too; unlocking lets a kept connection migrate again.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])


_MIGRATE_OPTIONS = {
    "verbosity",
    "interactive",
    "database",
    "run_syncdb",
    "fake",
    "fake_initial",
    "plan",
    "check_unapplied",
    "prune",
    "skip_checks",
    "no_color",
    "force_color",
}
