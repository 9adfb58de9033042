"""The content audit: what an editor must fix before the site is in good shape.

Each check returns findings a person can act on (which article or entity, what is wrong, how to fix
it). ``manage.py audit_content`` prints them; under ``--strict`` any finding fails the command, so it
can gate a deployment.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from html import unescape
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import validate_host
from django.urls import Resolver404, resolve
from taggit.models import Tag

from articles.models import Article, ArticleSlug, RelatedArticle, Section
from articles.text import PLACEHOLDER_PATTERNS, TK_PATTERN, stub_reason
from newsroom.progress import progress
from organizations.models import (
    Event,
    EventSlug,
    Organization,
    OrganizationSlug,
    Person,
    PersonSlug,
)

HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT = re.compile(r"""\balt\s*=\s*["']\s*[^"'\s][^"']*["']""", re.IGNORECASE)
CHUNK = 2000

CHECKS = {
    "stub": "Stubs and placeholder text (any status)",
    "missing_alt_text": "Published articles with an image that has no alt text",
    "missing_dek": "Published articles without a standfirst (dek)",
    "orphan_entity": "People, organizations and events no article links, credits or quotes",
    "duplicate_entity": "Entities that look like duplicates",
    "broken_link": "Links in article bodies to our own pages that do not resolve to a public page",
    "empty_related": "Published articles with no related stories",
}


@dataclass
class Finding:
    check: str
    subject: str  # "article fatemeh-asgari-..." / "person some-slug"
    message: str


@dataclass
class AuditReport:
    findings: list[Finding] = field(default_factory=list)

    def add(self, check: str, subject: str, message: str) -> None:
        self.findings.append(Finding(check, subject, message))

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(CHECKS, 0)
        for finding in self.findings:
            counts[finding.check] += 1
        return counts

    def as_json(self) -> dict:
        return {
            "counts": self.counts(),
            "total": len(self.findings),
            "findings": [asdict(f) for f in self.findings],
        }

    def as_text(self) -> str:
        if not self.findings:
            return "Content audit: nothing to fix."
        by_check: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            by_check[finding.check].append(finding)
        lines = []
        for check, title in CHECKS.items():
            found = by_check.get(check)
            if not found:
                continue
            lines.append(f"{title}: {len(found)}")
            lines += [f"  {f.subject}: {f.message}" for f in found]
        lines.append(f"Content audit: {len(self.findings)} findings.")
        return "\n".join(lines)


def _articles(queryset, fields: list[str], desc: str, stream) -> Iterator:
    total = queryset.count()
    rows = queryset.only(*fields).order_by("pk").iterator(chunk_size=CHUNK)
    yield from progress(rows, total=total, desc=desc, stream=stream)


def check_text(report: AuditReport, stream=None) -> None:
    """Stubs (placeholder wording, TK marks, too few words) in any status, and inline images without alt."""
    published = set(Article.objects.published().values_list("pk", flat=True))
    fields = ["slug", "headline", "dek", "body", "status"]
    for article in _articles(Article.objects.all(), fields, "Auditing text", stream):
        subject = f"article {article.slug} ({article.status})"
        reason = stub_reason(article.body)
        if reason:
            report.add("stub", subject, reason + " It stays hidden from readers until the text is finished.")
        for label, text in (("headline", article.headline), ("standfirst", article.dek)):
            match = next((p.search(text) for p in PLACEHOLDER_PATTERNS if p.search(text)), None)
            if match or TK_PATTERN.search(text):
                words = match.group(0) if match else "TK"
                report.add("stub", subject, f'The {label} contains placeholder wording ("{words}").')
        if article.pk in published:
            missing = [tag for tag in IMG.findall(article.body) if not ALT.search(tag)]
            if missing:
                report.add(
                    "missing_alt_text", subject, f"{len(missing)} image(s) in the text have no alt text."
                )


def check_published_fields(report: AuditReport) -> None:
    published = Article.objects.published()
    for slug in published.filter(lead_image__isnull=False, lead_image__alt_text="").values_list(
        "slug", flat=True
    ):
        report.add(
            "missing_alt_text", f"article {slug}", "The lead image has no alt text; describe what it shows."
        )
    for slug in published.filter(dek="").values_list("slug", flat=True):
        report.add(
            "missing_dek", f"article {slug}", "No standfirst: add one or two sentences under the headline."
        )
    with_related = RelatedArticle.objects.filter(related__in=Article.objects.published()).values("article_id")
    for slug in published.exclude(pk__in=with_related).values_list("slug", flat=True):
        report.add(
            "empty_related",
            f"article {slug}",
            "No related stories: link its people, organizations and events, or run rebuild_related.",
        )


def check_orphans(report: AuditReport) -> None:
    """Entities nothing points at: no article link, byline, quote or source credit."""
    people = Person.objects.filter(
        article_links__isnull=True, bylines__isnull=True, quotes__isnull=True
    ).values_list("slug", flat=True)
    organizations = Organization.objects.filter(
        article_links__isnull=True, credited_articles__isnull=True
    ).values_list("slug", flat=True)
    events = Event.objects.filter(article_links__isnull=True).values_list("slug", flat=True)
    for kind, slugs in (("person", people), ("organization", organizations), ("event", events)):
        for slug in slugs.distinct().order_by("slug"):
            report.add(
                "orphan_entity",
                f"{kind} {slug}",
                "No article links it; link it from a story, or merge or delete it.",
            )


def check_duplicates(report: AuditReport) -> None:
    from organizations.duplicates import find_duplicates

    for pair in find_duplicates():
        report.add(
            "duplicate_entity",
            f"{pair.kind} {pair.drop.slug}",
            f"Looks like {pair.kind} {pair.keep.slug} “{pair.keep}” ({pair.reason}, score {pair.score:.2f}); "
            f"if so: manage.py merge_entities {pair.kind} {pair.keep.slug} {pair.drop.slug}",
        )


#: URL names whose pages show one object, and where to check that the object is public.
PUBLIC_TARGETS: dict[str, tuple[str, Callable[[set[str]], set[str]]]] = {}


def _public_slugs(queryset, history) -> Callable[[set[str]], set[str]]:
    def find(slugs: set[str]) -> set[str]:
        found = set(queryset().filter(slug__in=slugs).values_list("slug", flat=True))
        # An old slug still answers (with a 301) when its owner is public.
        found |= set(
            history.objects.filter(slug__in=slugs - found, owner__in=queryset()).values_list(
                "slug", flat=True
            )
        )
        return found

    return find


PUBLIC_TARGETS.update(
    {
        "articles:article_detail": ("article", _public_slugs(Article.objects.published, ArticleSlug)),
        "articles:article_related": ("article", _public_slugs(Article.objects.published, ArticleSlug)),
        "organizations:person_detail": ("person", _public_slugs(Person.objects.all, PersonSlug)),
        "organizations:organization_detail": (
            "organization",
            _public_slugs(Organization.objects.all, OrganizationSlug),
        ),
        "organizations:event_detail": ("event", _public_slugs(Event.objects.all, EventSlug)),
        "articles:section_detail": (
            "section",
            lambda s: set(Section.objects.filter(slug__in=s).values_list("slug", flat=True)),
        ),
        "articles:tag_detail": (
            "tag",
            lambda s: set(Tag.objects.filter(slug__in=s).values_list("slug", flat=True)),
        ),
    }
)


def internal_path(href: str) -> str | None:
    """The path of a link to this site (relative, or absolute on one of our hosts), else None."""
    parts = urlsplit(unescape(href.strip()))
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc:
        host = parts.hostname or ""
        if host in ("localhost", "127.0.0.1", "testserver") or not validate_host(
            host, settings.ALLOWED_HOSTS
        ):
            return None
    elif not parts.path.startswith("/"):
        return None
    return parts.path or "/"


def check_links(report: AuditReport, stream=None) -> None:
    """Links to our own article and entity pages that are missing, unpublished or never existed."""
    wanted: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # url name -> (article, href, slug)
    fields = ["slug", "body"]
    for article in _articles(
        Article.objects.filter(body__icontains="href"), fields, "Auditing links", stream
    ):
        for href in HREF.findall(article.body):
            path = internal_path(href)
            if path is None or path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
                continue
            try:
                match = resolve(path)
            except Resolver404:
                report.add(
                    "broken_link",
                    f"article {article.slug}",
                    f"Links to {href}, which is no page of this site.",
                )
                continue
            if match.view_name in PUBLIC_TARGETS:
                wanted[match.view_name].append((article.slug, href, match.kwargs.get("slug", "")))
    for view_name, links in wanted.items():
        label, find = PUBLIC_TARGETS[view_name]
        public = find({slug for _, _, slug in links})
        for article_slug, href, slug in links:
            if slug not in public:
                report.add(
                    "broken_link",
                    f"article {article_slug}",
                    f"Links to {href}: no public {label} {slug!r} (missing, renamed or not published).",
                )


def audit_content(*, stream=None) -> AuditReport:
    report = AuditReport()
    check_text(report, stream=stream)
    check_published_fields(report)
    check_orphans(report)
    check_duplicates(report)
    check_links(report, stream=stream)
    return report
