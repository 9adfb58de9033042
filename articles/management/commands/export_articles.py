import sys

from django.core.management.base import BaseCommand, CommandError

from articles.io.exporters import export_articles
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Write articles (every status, with bylines, entity links, quotes, tags and times) as JSON Lines, "
        "to FILE or to standard output. import_articles reads it back unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="Where to write; standard output when left out.")
        parser.add_argument("--status", choices=Article.Status.values, help="Only articles with this status.")

    def handle(self, *args, file: str | None, status: str | None, **options):
        queryset = Article.objects.all()
        if status:
            queryset = queryset.filter(status=status)
        try:
            out = open(file, "w", encoding="utf-8") if file else self.stdout  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"{file}: cannot be written ({error.strerror}).") from error
        try:
            count = export_articles(out, queryset=queryset, stream=sys.stderr)
        finally:
            if file:
                out.close()
        if file:
            self.stdout.write(self.style.SUCCESS(f"{count} articles written to {file}."))
