"""``manage.py requeue_stale_tasks [--older-than 30m]``: tasks left RUNNING by a dead worker run again."""

from django.core.management.base import BaseCommand, CommandError

from newsroom.task_queue import parse_duration, requeue_stale


class Command(BaseCommand):
    help = "Put tasks RUNNING for longer than --older-than (their worker gone) back in the queue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            default=None,
            help="How long a task may run before it counts as stale: 90s, 15m, 1h "
            "(default NEWSROOM_TASK_STALE_SECONDS). Longer than your slowest task.",
        )

    def handle(self, *args, older_than=None, **options):
        try:
            age = parse_duration(older_than) if older_than is not None else None
        except ValueError as error:
            raise CommandError(str(error)) from None
        requeued, failed = requeue_stale(age)
        if options["verbosity"] >= 1:
            self.stdout.write(f"{requeued} stale task(s) queued again, {failed} given up.")
