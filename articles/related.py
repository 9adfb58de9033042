"""Related posts: computed off-request and stored, read by pages with one indexed query.

The score here is a first version (shared entities by role, shared tags, same section); the
entity-graph work refines it. Editors' pins come first and their exclusions never appear.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from articles.models import (
    Article,
    ArticleEvent,
    ArticleOrganization,
    ArticlePerson,
    RelatedArticle,
    RelatedOverride,
)

ROLE_WEIGHTS = {"about": 3.0, "quoted": 2.0, "mentions": 1.0}
TAG_WEIGHT = 1.0
SECTION_WEIGHT = 0.5


@dataclass
class Candidate:
    score: float = 0.0
    shared: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def related_queryset(article: Article):
    """What an article page shows: stored entries whose related article is public now."""
    return (
        RelatedArticle.objects.filter(article=article, related__in=Article.objects.published())
        .select_related("related", "related__section")
        .order_by("rank")
    )


def _links(article: Article):
    for model, attr in (
        (ArticlePerson, "person"),
        (ArticleOrganization, "organization"),
        (ArticleEvent, "event"),
    ):
        rows = model.objects.filter(article=article).select_related(attr)
        for row in rows:
            entity = getattr(row, attr)
            yield model, attr, entity, row.role


def compute_related(
    article: Article, limit: int | None = None
) -> list[tuple[Article, float, list[str], bool]]:
    """Score published articles against ``article``; return (article, score, reasons, pinned) best first."""
    limit = limit or settings.NEWSROOM_RELATED_LIMIT
    candidates: dict[int, Candidate] = defaultdict(Candidate)
    published = Article.objects.published().exclude(pk=article.pk)
    if article.headline:
        published = published.exclude(headline__iexact=article.headline)

    for model, attr, entity, role in _links(article):
        weight = ROLE_WEIGHTS.get(role, 1.0)
        other_links = model.objects.filter(**{attr: entity}, article__in=published).values_list(
            "article_id", "role"
        )
        label = getattr(entity, "acronym", "") or entity.name
        for other_id, other_role in other_links:
            candidate = candidates[other_id]
            candidate.score += weight * ROLE_WEIGHTS.get(other_role, 1.0) / 3.0
            if label not in candidate.shared:
                candidate.shared.append(label)

    tag_names = list(article.tags.values_list("name", flat=True))
    if tag_names:
        tagged = published.filter(tags__name__in=tag_names).values_list("pk", "tags__name")
        for other_id, tag in tagged:
            candidate = candidates[other_id]
            candidate.score += TAG_WEIGHT
            if tag not in candidate.tags:
                candidate.tags.append(tag)

    if article.section_id and candidates:
        same_section = published.filter(pk__in=list(candidates), section_id=article.section_id).values_list(
            "pk", flat=True
        )
        for other_id in same_section:
            candidates[other_id].score += SECTION_WEIGHT

    overrides = list(RelatedOverride.objects.filter(article=article).order_by("position", "id"))
    excluded = {o.related_id for o in overrides if o.kind == RelatedOverride.Kind.EXCLUDE}
    pinned_ids = [o.related_id for o in overrides if o.kind == RelatedOverride.Kind.PIN]
    visible = {a.pk: a for a in published.filter(pk__in=set(candidates) | set(pinned_ids))}

    results: list[tuple[Article, float, list[str], bool]] = []
    for pk in pinned_ids:
        if pk in visible:
            reasons = ["Chosen by the editors", *_reasons(candidates.get(pk))]
            results.append((visible[pk], candidates[pk].score if pk in candidates else 0.0, reasons, True))
    ranked = sorted(
        (pk for pk in candidates if pk in visible and pk not in excluded and pk not in pinned_ids),
        key=lambda pk: (-candidates[pk].score, -visible[pk].published_at.timestamp(), pk),
    )
    for pk in ranked:
        results.append((visible[pk], candidates[pk].score, _reasons(candidates[pk]), False))
    return results[:limit]


def _reasons(candidate: Candidate | None) -> list[str]:
    if candidate is None:
        return []
    reasons = []
    if candidate.shared:
        reasons.append("Also about " + _join(candidate.shared[:3]))
    if candidate.tags:
        reasons.append("Tagged " + _join(candidate.tags[:3]))
    return reasons


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@transaction.atomic
def related_rebuild(*, article: Article) -> int:
    """Recompute and store ``article``'s related posts; returns how many were stored."""
    rows = compute_related(article)
    RelatedArticle.objects.filter(article=article).delete()
    RelatedArticle.objects.bulk_create(
        RelatedArticle(article=article, related=other, rank=rank, score=score, reasons=reasons, pinned=pinned)
        for rank, (other, score, reasons, pinned) in enumerate(rows, start=1)
    )
    return len(rows)


def articles_sharing_entities(article: Article) -> list[int]:
    """Ids of other articles linked to any person, organization or event this article links."""
    people = ArticlePerson.objects.filter(article=article).values("person_id")
    orgs = ArticleOrganization.objects.filter(article=article).values("organization_id")
    events = ArticleEvent.objects.filter(article=article).values("event_id")
    ids = set(ArticlePerson.objects.filter(person_id__in=people).values_list("article_id", flat=True))
    ids |= set(
        ArticleOrganization.objects.filter(organization_id__in=orgs).values_list("article_id", flat=True)
    )
    ids |= set(ArticleEvent.objects.filter(event_id__in=events).values_list("article_id", flat=True))
    ids.discard(article.pk)
    return sorted(ids)


def related_refresh(*, article: Article) -> None:
    """Queue a recomputation of ``article``'s related posts and of the articles that share its entities.

    Runs after the surrounding transaction commits, through django.tasks (immediately in
    development and tests, by ``manage.py db_worker`` in production), together with every other
    listener of :func:`articles.changes.content_changed`.
    """
    from articles.changes import content_changed

    content_changed(article_ids=[article.pk], reason="related refresh")
