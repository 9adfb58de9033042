from django.core.management.base import BaseCommand, CommandError

from organizations.duplicates import KINDS, find_duplicates


class Command(BaseCommand):
    help = (
        "List likely duplicate people and organizations with a similarity score and the reason "
        "(same normalized name, close spelling, same affiliation). Changes nothing; "
        "merge a pair with merge_entities."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=list(KINDS), help="Only people or only organizations.")
        parser.add_argument(
            "--min-score", type=float, default=0.0, help="Only pairs scoring at least this (0 to 1)."
        )

    def handle(self, *args, kind: str | None, min_score: float, **options):
        if not 0 <= min_score <= 1:
            raise CommandError("--min-score must be between 0 and 1.")
        pairs = [p for p in find_duplicates(kind) if p.score >= min_score]
        for p in pairs:
            self.stdout.write(
                f"{p.score:.2f}  {p.kind}  keep “{p.keep}” ({p.keep.slug})  drop “{p.drop}” ({p.drop.slug})"
                f"  — {p.reason}"
            )
            self.stdout.write(f"      merge: manage.py merge_entities {p.kind} {p.keep.slug} {p.drop.slug}")
        self.stdout.write(self.style.SUCCESS(f"{len(pairs)} likely duplicate pair(s)."))
