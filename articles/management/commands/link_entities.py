from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.linking.finder import EntityMatcher, apply_suggestions, suggest_links
from articles.models import Article
from newsroom.progress import progress


class Command(BaseCommand):
    help = (
        "Find the names, other names and acronyms of known people, organizations and events in article "
        "text and list them; with --apply, link them to their articles as 'mentions'."
    )

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="Create the links (as 'mentions').")
        parser.add_argument("--article", metavar="SLUG", help="Only this article (by its current slug).")

    def handle(self, *args, apply: bool, article: str | None, **options):
        if article:
            articles = Article.objects.filter(slug=article)
            if not articles.exists():
                raise CommandError(f"No article with the slug {article!r}.")
        else:
            articles = Article.objects.order_by("pk")
        matcher = EntityMatcher.build()
        suggested = linked = 0
        with transaction.atomic():
            ids = list(articles.values_list("pk", flat=True))
            for pk in progress(ids, total=len(ids), desc="Articles", stream=self.stderr._out):
                target = Article.objects.get(pk=pk)
                suggestions = suggest_links(target, matcher)
                if not suggestions:
                    continue
                self.stdout.write(f"{target.slug}:")
                for s in suggestions:
                    self.stdout.write(f"  {s.kind} “{s.entity}” ← “{s.matched_text}” ({s.count}×)")
                suggested += len(suggestions)
                if apply:
                    linked += apply_suggestions(target, suggestions)
        if apply:
            self.stdout.write(self.style.SUCCESS(f"{linked} links created as 'mentions'."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{suggested} suggestions; run again with --apply to link them.")
            )
