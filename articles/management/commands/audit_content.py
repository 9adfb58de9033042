import json
import sys

from django.core.management.base import BaseCommand, CommandError

from articles.audit import audit_content


class Command(BaseCommand):
    help = (
        "List what needs fixing: stubs and placeholder text (any status), published articles without "
        "alt text or standfirst, entities nothing links, likely duplicate entities, broken links to our "
        "own pages, published articles without related stories. --strict fails when anything is found."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--strict", action="store_true", help="Exit with status 1 when anything is found."
        )
        parser.add_argument("--format", choices=["text", "json"], default="text", help="Output format.")

    def handle(self, *args, strict: bool, format: str, **options):
        report = audit_content(stream=sys.stderr)
        if format == "json":
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(report.as_text())
        if strict and report.findings:
            raise CommandError(f"Content audit found {len(report.findings)} things to fix (--strict).")
