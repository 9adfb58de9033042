import os

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from articles.related.scoring import related_rebuild, related_rebuild_all
from newsroom.progress import progress


class Command(BaseCommand):
    help = (
        "Recompute the stored related stories of every published article (in chunks, with a progress bar "
        "on a terminal), or of one (--article SLUG)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", metavar="SLUG", help="Only this article (by its current slug).")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help=f"Processes scoring at once for a full rebuild (this machine has {os.cpu_count()} cores).",
        )
        parser.add_argument("--chunk-size", type=int, default=500, help="Articles scored per SQL statement.")

    def handle(self, *args, article: str | None, workers: int, chunk_size: int, **options):
        if workers < 1 or chunk_size < 1:
            raise CommandError("--workers and --chunk-size must be at least 1.")
        if article:
            target = Article.objects.filter(slug=article).first()
            if target is None:
                raise CommandError(f"No article with the slug {article!r}.")
            count = related_rebuild(article=target)
            self.stdout.write(self.style.SUCCESS(f"{target.slug}: {count} related stories stored."))
            return

        def bar(items, total):
            return progress(items, total=total, desc="Related stories (chunks)", stream=self.stderr._out)

        done = related_rebuild_all(chunk_size=chunk_size, workers=workers, progress=bar)
        self.stdout.write(self.style.SUCCESS(f"Related stories recomputed for {done} published articles."))
