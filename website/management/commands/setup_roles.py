from django.core.management.base import BaseCommand

from website.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create the Author and Editor groups with their permissions (safe to run again). "
        "Authors write and submit for review; Editors also publish, schedule, unpublish and merge."
    )

    def handle(self, *args, **options):
        report = setup_roles()
        for name in report.missing:
            self.stdout.write(f"Not yet available, skipped: {name}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
