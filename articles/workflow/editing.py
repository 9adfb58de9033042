"""Saving an article from the editors' forms: one service for the whole save.

The change form hands its validated form and inline
formsets to ``article_save``. It writes the article against the version the form was opened at,
then its tags and inlines (bylines, links, quotes, pins), and only then moves the status through
the workflow step, so the publish gate sees the bylines just saved. All in one transaction.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from articles.changes import content_changed
from articles.models import Article
from articles.workflow.services import article_set_status


@dataclass
class ArticleSaveResult:
    article: Article
    #: Why the requested status change was not made (the text and inlines are saved regardless).
    status_problems: list[str] = field(default_factory=list)


@transaction.atomic
def article_save(
    *,
    article: Article,
    form,
    formsets=(),
    by,
    expected_version: int | None,
    transition: tuple[str, datetime | None] | None = None,
) -> ArticleSaveResult:
    """Save ``article`` as ``form`` and ``formsets`` changed it, on behalf of ``by``.

    ``expected_version`` is the version the form was opened at (None: the version the article was
    loaded at); a save from an older one raises ``VersionConflict``. ``transition`` is the status
    the save asks for and its publish time, applied through the workflow after everything else.
    """
    result = ArticleSaveResult(article=article)
    if transition is not None:
        # Until the workflow step runs, the article keeps the status it was opened with.
        article.status = form.loaded_status
    if article.pk is None:
        article.created_by = by if by is not None and by.is_authenticated else None
    article.save(expected_version=expected_version)
    form.save_m2m()
    for formset in formsets:
        formset.save()
    if transition is None:
        content_changed(article_ids=[article.pk], reason="edited in the admin")
        return result
    status, at = transition
    try:
        # The step sends the change notice for this save, with the status it ends in.
        article_set_status(article=article, status=status, by=by, at=at)
    except (PermissionDenied, ValidationError) as error:
        result.status_problems = error.messages if isinstance(error, ValidationError) else [str(error)]
        content_changed(article_ids=[article.pk], reason="edited in the admin")
    article.refresh_from_db()
    return result
