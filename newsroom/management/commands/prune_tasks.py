"""``manage.py prune_tasks --older-than 14d``: finished task results removed from the task table."""

from django.core.management.base import BaseCommand, CommandError

from newsroom.task_queue import parse_duration, prune_finished


class Command(BaseCommand):
    help = "Delete finished (successful or failed) task results older than --older-than."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", default="14d", help="90s, 15m, 12h, 14d (default 14d).")

    def handle(self, *args, older_than, **options):
        try:
            age = parse_duration(older_than)
        except ValueError as error:
            raise CommandError(str(error)) from None
        deleted = prune_finished(age)
        if options["verbosity"] >= 1:
            self.stdout.write(f"{deleted} finished task result(s) deleted.")
