"""Autosave of the article change form: the server's copy of what an editor typed and has not saved.

The browser (static/js/autosave.js) sends the form's fields every half minute while something is
unsaved, and keeps its own copy in localStorage for when the server cannot answer. These functions
are the server's side: store (one record per editor and article, replaced), read, discard, clear
once the editor's save succeeded, and prune what nobody came back for.
"""

import json
import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article
from articles.workflow.models import AutosaveDraft

#: What the browser names a new article's draft with (letters, digits, dashes).
DRAFT_KEY = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def draft_key_for(*, article: Article | None, draft_key: str = "") -> str:
    """The record's key: "article:<id>", or "new:<draft key>" for a new article never saved."""
    if article is not None:
        return f"article:{article.pk}"
    if not DRAFT_KEY.match(draft_key or ""):
        raise ValidationError(_("A new article's autosave needs a draft key of 8 to 64 letters or digits."))
    return f"new:{draft_key}"


def too_large_message() -> str:
    kb = settings.NEWSROOM_AUTOSAVE_MAX_BYTES // 1024
    return _("The autosave is larger than %(kb)d KB and was not stored on the server.") % {"kb": kb}


@dataclass
class AutosavePayload:
    data: dict
    base_version: int | None
    draft_key: str


def parse_payload(raw: bytes) -> AutosavePayload:
    """The body the browser posted, checked: ``{"fields": {name: text or [text]}, "labels": {name:
    the chosen option's text}, "base_version": n, "draft_key": "…"}``."""
    if len(raw) > settings.NEWSROOM_AUTOSAVE_MAX_BYTES:
        raise ValidationError(too_large_message(), code="too_large")
    try:
        payload = json.loads(raw or b"null")
    except (ValueError, UnicodeDecodeError) as error:
        raise ValidationError(_("The autosave is not valid JSON.")) from error
    if not isinstance(payload, dict) or not isinstance(payload.get("fields"), dict):
        raise ValidationError(_("The autosave carries no form fields."))
    fields, labels = payload["fields"], payload.get("labels") or {}
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in values):
            raise ValidationError(_("The autosave's field %(name)s is not text.") % {"name": name})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise ValidationError(_("The autosave's labels are not text."))
    base = payload.get("base_version")
    if base is not None and (not isinstance(base, int) or isinstance(base, bool) or base < 0):
        raise ValidationError(_("The autosave's base version is not a number."))
    draft_key = payload.get("draft_key") or ""
    if not isinstance(draft_key, str):
        raise ValidationError(_("The autosave's draft key is not text."))
    return AutosavePayload(data={"fields": fields, "labels": labels}, base_version=base, draft_key=draft_key)


def autosave_store(*, user, article: Article | None, payload: AutosavePayload) -> AutosaveDraft:
    """Keep ``payload`` as ``user``'s autosave of ``article`` (or of their new article), replacing
    the one before."""
    draft, _created = AutosaveDraft.objects.update_or_create(
        user=user,
        key=draft_key_for(article=article, draft_key=payload.draft_key),
        defaults={
            "article": article,
            "data": payload.data,
            "base_version": payload.base_version,
            "saved_at": timezone.now(),
        },
    )
    return draft


def autosave_for(*, user, article: Article | None, draft_key: str = "") -> AutosaveDraft | None:
    """``user``'s autosave of ``article``; for a new article, the one named ``draft_key`` or else
    their latest autosave of a new article."""
    drafts = AutosaveDraft.objects.filter(user=user)
    if article is not None:
        return drafts.filter(key=draft_key_for(article=article)).first()
    if draft_key and DRAFT_KEY.match(draft_key):
        return drafts.filter(key=f"new:{draft_key}").first()
    return drafts.filter(article__isnull=True).order_by("-saved_at").first()


def autosave_discard(*, user, article: Article | None, draft_key: str = "") -> int:
    """Remove ``user``'s autosave of ``article`` (or of the new article ``draft_key``)."""
    try:
        key = draft_key_for(article=article, draft_key=draft_key)
    except ValidationError:
        return 0
    return AutosaveDraft.objects.filter(user=user, key=key).delete()[0]


def autosave_clear_after_save(*, user, article: Article, draft_key: str = "") -> None:
    """The editor's save went through: their autosave of it (and of it as a new article) is done."""
    keys = [draft_key_for(article=article)]
    if draft_key and DRAFT_KEY.match(draft_key):
        keys.append(f"new:{draft_key}")
    AutosaveDraft.objects.filter(user=user, key__in=keys).delete()


def autosaves_prune(*, older_than_days: int | None = None, now=None) -> int:
    """Remove autosaves nobody came back for in ``older_than_days`` days; how many were removed."""
    days = settings.NEWSROOM_AUTOSAVE_KEEP_DAYS if older_than_days is None else older_than_days
    if days < 0:
        raise ValueError("older_than_days must be 0 or more")
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return AutosaveDraft.objects.filter(saved_at__lt=cutoff).delete()[0]
