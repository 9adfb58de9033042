import sys

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from articles.related import related_rebuild


class Command(BaseCommand):
    help = "Recompute the stored related stories of every published article, or of one (--article SLUG)."

    def add_arguments(self, parser):
        parser.add_argument("--article", metavar="SLUG", help="Only this article (by its current slug).")

    def handle(self, *args, article: str | None, **options):
        if article:
            target = Article.objects.filter(slug=article).first()
            if target is None:
                raise CommandError(f"No article with the slug {article!r}.")
            count = related_rebuild(article=target)
            self.stdout.write(self.style.SUCCESS(f"{target.slug}: {count} related stories stored."))
            return
        ids = list(Article.objects.published().values_list("pk", flat=True))
        show_progress = sys.stdout.isatty() and options.get("verbosity", 1) > 0
        for done, pk in enumerate(ids, start=1):
            related_rebuild(article=Article.objects.get(pk=pk))
            if show_progress:
                sys.stdout.write(f"\rRelated stories: {done}/{len(ids)}")
                sys.stdout.flush()
        if show_progress:
            sys.stdout.write("\n")
        self.stdout.write(
            self.style.SUCCESS(f"Related stories recomputed for {len(ids)} published articles.")
        )
