from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.io.articles import ImportOptions, import_articles
from articles.io.records import ImportRejected
from articles.io.reporting import refused, rejected
from articles.models import Section
from organizations.models import Person


class Command(BaseCommand):
    help = (
        "Import articles from JSON Lines (.jsonl), Markdown with front matter (.md) or a plain-text news "
        "page (.txt); see docs/formats.md. Everything is checked first; a problem anywhere means nothing "
        "is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--dry-run", action="store_true", help="Check and list what would be created.")
        parser.add_argument("--publish", action="store_true", help="Publish the articles now.")
        parser.add_argument("--section", metavar="SLUG", help="Section for articles that name none.")
        parser.add_argument(
            "--author", metavar="SLUG", help="Author (a person's slug) for articles with no byline."
        )
        parser.add_argument(
            "--link",
            action="store_true",
            help="Plain-text pages: link the people, organizations and events named in the text "
            "(about, quoted or mentions, from their prominence); without it they are only listed.",
        )
        parser.add_argument(
            "--new",
            action="store_true",
            help="With --link: also create the people, organizations and events the text introduces "
            "that the directory lacks, marked unreviewed.",
        )
        parser.add_argument(
            "--update", action="store_true", help="Replace articles whose slug exists (otherwise an error)."
        )

    def handle(self, *args, files: list[str], **opts):
        if opts["section"] and not Section.objects.filter(slug=opts["section"]).exists():
            raise CommandError(f"--section: no section {opts['section']!r}.")
        if opts["author"] and not Person.objects.filter(slug=opts["author"]).exists():
            raise CommandError(f"--author: no person {opts['author']!r}; import it with import_entities.")
        options = ImportOptions(
            dry_run=opts["dry_run"],
            publish=opts["publish"],
            section=opts["section"],
            author=opts["author"],
            update=opts["update"],
            link=opts["link"],
            new=opts["new"],
        )
        if options.new and not options.link:
            raise CommandError("--new creates records from the text: use it with --link.")
        try:
            report = import_articles(files, options)
        except ImportRejected as error:
            raise rejected(self, error) from None
        except DatabaseError as error:
            raise refused(error) from error
        for draft in report.drafts:
            for note in draft.record.notes:
                self.stdout.write(f"{draft.record.file}: {note}")
        for slug, suggestions in report.suggestions.items():
            verb = "linked" if options.link and not options.dry_run else "named in the text, not linked"
            for s in suggestions:
                label = s.entity._meta.verbose_name
                self.stdout.write(f"{slug}: {verb}: {label} “{s.entity}” (as “{s.matched_text}”, {s.count}×)")
            if suggestions and verb != "linked":
                self.stdout.write(f"{slug}: run again with --update --link to link them.")
        for slug, proposals in report.proposals.items():
            verb = "created" if options.new and not options.dry_run else "new, not in the directory"
            for p in proposals:
                self.stdout.write(f"{slug}: {verb}: {p.kind} “{p.name}” ({p.confidence:.2f})")
        if options.dry_run:
            for slug in report.created:
                self.stdout.write(f"would create {slug}")
            for slug in report.updated:
                self.stdout.write(f"would update {slug}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
