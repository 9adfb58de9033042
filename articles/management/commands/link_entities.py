import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.linking.finder import apply_suggestions, suggest_links
from articles.linking.proposals import create_proposed, open_proposals, proposals_store
from articles.linking.resolution import Directory, read_story
from articles.models import Article
from newsroom.progress import progress


class Command(BaseCommand):
    help = (
        "Find the known people, organizations and events each article names (by name, other name, "
        "spelling variant, surname or acronym) and propose the ones the directory lacks. Lists them; "
        "--apply links the known ones with the role their prominence gives (about, quoted, mentions) "
        "and saves the proposals for review; --new also creates the proposed records, marked "
        "unreviewed, and links them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply", action="store_true", help="Link known entities and save proposals for review."
        )
        parser.add_argument(
            "--new",
            action="store_true",
            help="With --apply: also create the proposed people, organizations and events (unreviewed).",
        )
        parser.add_argument("--article", metavar="SLUG", help="Only this article (by its current slug).")
        parser.add_argument(
            "--format", choices=["text", "json"], default="text", help="Output as text (default) or JSON."
        )
        parser.add_argument("--dry-run", action="store_true", help="List only, even with --apply.")

    def handle(
        self, *args, apply: bool, new: bool, article: str | None, format: str, dry_run: bool, **options
    ):
        if new and not apply:
            raise CommandError("--new creates records: use it with --apply.")
        apply = apply and not dry_run
        if article:
            articles = Article.objects.filter(slug=article)
            if not articles.exists():
                raise CommandError(f"No article with the slug {article!r}.")
        else:
            articles = Article.objects.order_by("pk")
        directory = Directory()
        rows = []
        totals = {"known": 0, "proposed": 0, "linked": 0, "created": 0}
        with transaction.atomic():
            ids = list(articles.values_list("pk", flat=True))
            for pk in progress(ids, total=len(ids), desc="Articles", stream=self.stderr._out):
                target = Article.objects.get(pk=pk)
                story = read_story(target, directory)
                suggestions = suggest_links(target, story=story)
                proposals = open_proposals(target, story)
                totals["known"] += len(suggestions)
                totals["proposed"] += len(proposals)
                if apply:
                    totals["linked"] += apply_suggestions(target, suggestions, role=None)
                    if new:
                        created = create_proposed(target, story)
                        totals["created"] += len(created)
                        if created:  # later articles find the new records under every spelling
                            directory = Directory()
                    else:
                        proposals_store(target, story)
                if suggestions or proposals:
                    rows.append(_row(target, suggestions, proposals))
        if format == "json":
            self.stdout.write(json.dumps({"articles": rows, "totals": totals}, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(f"{row['slug']}:")
            for s in row["known"]:
                self.stdout.write(
                    f"  {s['kind']} “{s['name']}” ← “{s['matched']}” ({s['count']}×, {s['role']}: {s['why']})"
                )
            for p in row["proposals"]:
                about = ", ".join(x for x in (p["title"], p["organization"]) if x)
                self.stdout.write(
                    f"  new {p['kind']} “{p['name']}”{f' ({about})' if about else ''} "
                    f"[{p['confidence']:.2f}] ← “{p['sentence'][:90]}”"
                )
        if apply:
            summary = f"{totals['linked']} links created with their roles"
            summary += (
                f"; {totals['created']} new records created, marked for review."
                if new
                else (f"; {totals['proposed']} proposals saved for review (admin: Proposed entities).")
            )
            self.stdout.write(self.style.SUCCESS(summary))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{totals['known']} known, {totals['proposed']} new; run again with --apply to link them "
                    "(and --new to create the new ones)."
                )
            )


def _row(article, suggestions, proposals) -> dict:
    return {
        "slug": article.slug,
        "known": [
            {
                "kind": s.kind,
                "id": s.entity.pk,
                "slug": s.entity.slug,
                "name": str(s.entity),
                "matched": s.matched_text,
                "count": s.count,
                "role": s.role,
                "why": s.role_reason,
            }
            for s in suggestions
        ],
        "proposals": [
            {
                "kind": p.kind,
                "name": p.name,
                "title": p.title,
                "organization": p.organization or "",
                "acronym": p.acronym,
                "sentence": p.sentence,
                "confidence": round(p.confidence, 2),
                "evidence": p.evidence,
                "role": p.role,
                "date": p.event_date.isoformat() if p.event_date else None,
                "place": p.place,
            }
            for p in proposals
        ],
    }
