import sys

from django.core.management.base import BaseCommand, CommandError

from articles.io.exporters import export_entities


class Command(BaseCommand):
    help = (
        "Write every section, organization, person and event as JSON Lines (one object a line), "
        "to FILE or to standard output. import_entities reads it back unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Where to write; standard output when left out.")

    def handle(self, *args, file: str | None, **options):
        try:
            out = open(file, "w", encoding="utf-8") if file else self.stdout  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"{file}: cannot be written ({error.strerror}).") from error
        try:
            count = export_entities(out, stream=sys.stderr)
        finally:
            if file:
                out.close()
        if file:
            self.stdout.write(self.style.SUCCESS(f"{count} records written to {file}."))
