from django.core.management.base import BaseCommand

from articles.search import rebuild_search_index


class Command(BaseCommand):
    help = (
        "Recompute the stored search vector of every article (headline, standfirst, body and the names "
        "and aliases of linked entities). Safe to run at any time; search keeps working meanwhile."
    )

    def handle(self, *args, **options):
        count = rebuild_search_index(show_progress=True)
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt for {count} article(s)."))
