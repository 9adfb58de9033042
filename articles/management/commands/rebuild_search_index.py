from django.core.management.base import BaseCommand

from articles.models import Article
from articles.search import rebuild_search_index


class Command(BaseCommand):
    help = (
        "Recompute the stored search vector of every article (headline, standfirst, body and the names "
        "and aliases of linked entities). Safe to run at any time; search keeps working meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many articles would be reindexed."
        )

    def handle(self, *args, dry_run: bool, **options):
        if dry_run:
            count = Article.objects.count()
            self.stdout.write(f"Would rebuild the search index for {count} article(s); nothing written.")
            return
        count = rebuild_search_index(show_progress=True)
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt for {count} article(s)."))
