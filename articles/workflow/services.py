"""The editorial workflow: draft → in review → scheduled → published → unpublished.

Every path that changes an article's status (the change form, the list's admin actions,
management commands, scheduled tasks) goes through these functions, so the permission check
and the publish gate are enforced in one place on the server, never only by hidden buttons.
"""

from datetime import datetime

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.changes import content_changed
from articles.html import clean_body
from articles.models import Article
from articles.text import stub_reason

PUBLISH_PERMISSION = "articles.publish_article"
Status = Article.Status


def can_publish(user) -> bool:
    """True when ``user`` may publish, schedule and unpublish (Editors; Authors may not)."""
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def articles_for(user, queryset=None):
    """The articles ``user`` may open in the admin and preview: all for Editors, their own for Authors
    (those they created, or that carry the byline of the Person linked to their account)."""
    queryset = Article.objects.all() if queryset is None else queryset
    if can_publish(user):
        return queryset
    own = Q(created_by=user) | Q(bylines__person__account__user=user)
    return queryset.filter(pk__in=Article.objects.filter(own).values("pk"))


def _require_publisher(user, what: str) -> None:
    if not can_publish(user):
        raise PermissionDenied(
            f"You cannot {what} articles: that needs an Editor. Submit the article for review instead."
        )


def publish_problems(
    *,
    body: str,
    dek: str,
    lead_image=None,
    byline_count: int,
) -> list[str]:
    """What must be fixed before an article with these contents may go public (empty when none)."""
    problems = []
    reason = stub_reason(clean_body(body))
    if reason:
        problems.append(f"The article is a stub: {reason} Write the story before publishing.")
    if lead_image is not None and not (lead_image.alt_text or "").strip():
        problems.append(
            "The lead image has no alt text. Describe what the picture shows in the image library."
        )
    if not (dek or "").strip():
        problems.append("The standfirst (dek) is empty. Add one or two sentences under the headline.")
    if byline_count < 1:
        problems.append("There is no byline. Add at least one person in “Bylines”.")
    return problems


def article_publish_problems(article: Article) -> list[str]:
    """The publish gate for a saved article, reading its bylines from the database."""
    return publish_problems(
        body=article.body,
        dek=article.dek,
        lead_image=article.lead_image,
        byline_count=article.bylines.count() if article.pk else 0,
    )


def check_publish_gate(article: Article) -> None:
    """Raise ValidationError listing what to fix when ``article`` may not go public."""
    problems = article_publish_problems(article)
    if problems:
        raise ValidationError(problems)


def _locked(article: Article) -> Article:
    """The article re-read under a row lock, so two workflow steps never interleave."""
    return Article.objects.select_for_update(of=("self",)).select_related("lead_image").get(pk=article.pk)


def _save(article: Article, fields: list[str], reason: str, by=None) -> Article:
    # Each workflow step is a revision with who did it, so the history reads like the desk's log.
    with reversion.create_revision():
        article.save(update_fields=[*fields, "updated_at"])
        reversion.set_comment(reason.capitalize())
        if by is not None and by.is_authenticated:
            reversion.set_user(by)
    content_changed(article_ids=[article.pk], reason=reason)
    return article


@transaction.atomic
def article_submit_for_review(*, article: Article, by) -> Article:
    """An Author hands a draft (or a returned article) to the Editors."""
    article = _locked(article)
    if article.status not in (Status.DRAFT, Status.IN_REVIEW, Status.UNPUBLISHED):
        raise ValidationError(
            f"“{article.headline}” is {article.get_status_display().lower()}; only a draft can be "
            "submitted for review."
        )
    article.status = Status.IN_REVIEW
    return _save(article, ["status"], "submitted for review", by)


@transaction.atomic
def article_publish(*, article: Article, by, at: datetime | None = None) -> Article:
    """Publish now (or at ``at`` when it is in the past): Editors only, through the publish gate."""
    _require_publisher(by, "publish")
    now = timezone.now()
    if at and at > now:
        return article_schedule(article=article, by=by, at=at)
    article = _locked(article)
    check_publish_gate(article)
    # A scheduled time that has come, or the time of an article already out, is kept;
    # otherwise the article goes out now.
    due = (
        article.status in (Status.SCHEDULED, Status.PUBLISHED)
        and article.published_at
        and article.published_at <= now
    )
    return _make_public(article, at or (article.published_at if due else now), reason="published", by=by)


def _make_public(article: Article, when: datetime, *, reason: str, by=None) -> Article:
    article.status = Status.PUBLISHED
    article.published_at = when
    if article.unpublish_at and article.unpublish_at <= when:
        article.unpublish_at = None
    return _save(
        article,
        ["status", "published_at", "unpublish_at", "first_published_at", "last_published_at"],
        reason,
        by,
    )


@transaction.atomic
def article_publish_due(*, article: Article, expected_at: datetime | None = None) -> Article | None:
    """Publish a scheduled article whose time has come (the task and the cron fallback).

    The Editor's permission was checked when scheduling; the gate is checked again, since the text
    may have changed since. Returns None, changing nothing, when the article is no longer scheduled,
    was rescheduled to another time, is not due yet, or fails the gate.
    """
    article = _locked(article)
    now = timezone.now()
    if article.status != Status.SCHEDULED or article.published_at is None or article.published_at > now:
        return None
    if expected_at is not None and article.published_at != expected_at:
        return None
    if article_publish_problems(article):
        return None
    return _make_public(article, article.published_at, reason="scheduled publication")


@transaction.atomic
def article_schedule(*, article: Article, by, at: datetime | None = None) -> Article:
    """Schedule publication at ``at`` (or the article's own publish time): Editors only, gated."""
    from articles.workflow.scheduling import enqueue_scheduled_publish

    _require_publisher(by, "schedule")
    article = _locked(article)
    when = at or article.published_at
    if when is None or when <= timezone.now():
        raise ValidationError("Choose a publish time in the future to schedule the article.")
    check_publish_gate(article)
    article.status = Status.SCHEDULED
    article.published_at = when
    if article.unpublish_at and article.unpublish_at <= when:
        raise ValidationError("The expiry time must be after the publish time.")
    _save(article, ["status", "published_at"], "scheduled", by)
    enqueue_scheduled_publish(article)
    return article


@transaction.atomic
def article_unpublish(*, article: Article, by) -> Article:
    """Take a published or scheduled article off the site: Editors only."""
    _require_publisher(by, "unpublish")
    article = _locked(article)
    if article.status not in (Status.PUBLISHED, Status.SCHEDULED):
        raise ValidationError(
            f"“{article.headline}” is not published or scheduled, so it cannot be unpublished."
        )
    article.status = Status.UNPUBLISHED
    return _save(article, ["status"], "unpublished", by)


@transaction.atomic
def article_return_to_draft(*, article: Article, by) -> Article:
    """Send an article back to its writer. Taking a public or scheduled one back needs an Editor."""
    article = _locked(article)
    if article.status in (Status.PUBLISHED, Status.SCHEDULED):
        _require_publisher(by, "take back published or scheduled")
    article.status = Status.DRAFT
    return _save(article, ["status"], "returned to draft", by)


@transaction.atomic
def article_expire(*, article: Article) -> Article | None:
    """Unpublish an article whose expiry time has passed (called by scheduled publishing)."""
    article = _locked(article)
    if (
        article.status != Status.PUBLISHED
        or not article.unpublish_at
        or article.unpublish_at > timezone.now()
    ):
        return None
    article.status = Status.UNPUBLISHED
    return _save(article, ["status"], "expired")


TRANSITIONS = {
    Status.DRAFT: article_return_to_draft,
    Status.IN_REVIEW: article_submit_for_review,
    Status.SCHEDULED: article_schedule,
    Status.PUBLISHED: article_publish,
    Status.UNPUBLISHED: article_unpublish,
}


def article_set_status(*, article: Article, status: str, by, at: datetime | None = None) -> Article:
    """Move ``article`` to ``status`` through the matching workflow step (used by admin forms)."""
    step = TRANSITIONS[Status(status)]
    if step in (article_schedule, article_publish):
        return step(article=article, by=by, at=at)
    return step(article=article, by=by)
