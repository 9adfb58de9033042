"""Autosave on the article change form: the endpoint the browser posts to, and what the form needs.

``static/js/autosave.js`` keeps a copy of the form in the browser and posts it here every half
minute while something is unsaved. The endpoint answers for the editor's own autosave only, of an
article they may change (an Author: their own unpublished stories), behind the admin's login and
CSRF check. After a successful save the record is removed and a cookie tells the browser to drop
its copy too.
"""

import json

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from articles.workflow.autosave import (
    autosave_discard,
    autosave_for,
    autosave_store,
    parse_payload,
    too_large_message,
)
from newsroom.conflicts import last_saved_by

#: The hidden field the browser adds to the form: the key of a new article's draft.
KEY_FIELD = "_autosave_key"
#: The cookie that tells the browser which of its copies a successful save made obsolete.
DONE_COOKIE = "newsroom_autosave_done"


def browser_slot(article_id, draft_key: str = "") -> str:
    """The name of the browser's copy, after the user's id: "a<id>" or "n<draft key>"."""
    return f"a{article_id}" if article_id else f"n{draft_key}"


class AutosaveAdminMixin:
    """For ArticleAdmin: the autosave endpoints, the form's autosave settings, clearing after a save."""

    @property
    def media(self):
        return super().media + forms.Media(js=["js/autosave.js"])

    def get_urls(self):
        store = self.admin_site.admin_view(never_cache(require_POST(self.autosave_view)))
        discard = self.admin_site.admin_view(never_cache(require_POST(self.autosave_discard_view)))
        return [
            path("autosave/", store, name="articles_article_autosave"),
            path("autosave/discard/", discard, name="articles_article_autosave_discard"),
            *super().get_urls(),
        ]

    def autosave_article(self, request, article_id):
        """The article an autosave is for, as the change form would load it; None for a new one."""
        if article_id in (None, ""):
            if not self.has_add_permission(request):
                raise PermissionDenied
            return None
        if not isinstance(article_id, int) or isinstance(article_id, bool):
            raise ValidationError(_("The autosave names no article."))
        # The admin's queryset: an Author reaches only the articles they may open.
        article = get_object_or_404(self.get_queryset(request), pk=article_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def autosave_view(self, request):
        """Store the editor's autosave: 200 with its time, 400 for a bad or too large one, 403 for an
        article they may not change, 503 when the database cannot take it (the browser keeps its copy)."""
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.NEWSROOM_AUTOSAVE_MAX_BYTES:
            # Refused before the body is read.
            return JsonResponse({"error": str(too_large_message())}, status=400)
        try:
            payload = parse_payload(request.body)
            article = self.autosave_article(request, json.loads(request.body).get("article"))
            draft = autosave_store(user=request.user, article=article, payload=payload)
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        except DatabaseError:
            return JsonResponse({"error": _("The server could not store the autosave.")}, status=503)
        return JsonResponse({"saved_at": draft.saved_at.isoformat()})

    def autosave_discard_view(self, request):
        """The editor chose Discard: their server copy goes (the browser drops its own)."""
        try:
            body = json.loads(request.body or b"{}")
            if not isinstance(body, dict):
                raise ValidationError(_("The request is not a JSON object."))
            article = self.autosave_article(request, body.get("article"))
            draft_key = body.get("draft_key") or ""
            removed = autosave_discard(
                user=request.user, article=article, draft_key=draft_key if isinstance(draft_key, str) else ""
            )
        except (ValueError, ValidationError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [_("Not valid JSON.")]
            return JsonResponse({"error": " ".join(messages)}, status=400)
        return JsonResponse({"removed": removed})

    def autosave_context(self, request, obj) -> dict:
        """What static/js/autosave.js needs on this change (or add) form."""
        draft_key = request.POST.get(KEY_FIELD, "") if request.method == "POST" else ""
        article = obj if obj is not None and obj.pk else None
        draft = autosave_for(user=request.user, article=article, draft_key=draft_key)
        config = {
            "url": reverse(f"{self.admin_site.name}:articles_article_autosave"),
            "discard_url": reverse(f"{self.admin_site.name}:articles_article_autosave_discard"),
            "user": request.user.pk,
            "article": article.pk if article else None,
            "version": article.version if article else None,
            "draft_key": draft_key,
            # A form shown again after a failed save already holds what the editor typed.
            "bound": request.method == "POST",
            "interval": settings.NEWSROOM_AUTOSAVE_SECONDS,
            "max_bytes": settings.NEWSROOM_AUTOSAVE_MAX_BYTES,
            "server": None,
            "saved_by": "",
        }
        if draft is not None and article is not None and (draft.base_version or 0) < article.version:
            config["saved_by"] = last_saved_by(article)  # who saved since: the notice names them
        if draft is not None:
            config["server"] = {
                "fields": draft.data.get("fields", {}),
                "labels": draft.data.get("labels", {}),
                "base_version": draft.base_version,
                "saved_at": draft.saved_at.isoformat(),
                "draft_key": draft.key.removeprefix("new:") if draft.article_id is None else "",
            }
        return config

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if (obj is None and self.has_add_permission(request)) or (
            obj is not None and self.has_change_permission(request, obj)
        ):
            context["autosave_config"] = self.autosave_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def autosave_done(self, request, response, obj):
        """Tell the browser its copy of ``obj``'s form is saved: it drops it on the next admin page."""
        slots = [browser_slot(obj.pk)]
        draft_key = request.POST.get(KEY_FIELD, "")
        if draft_key:
            slots.append(browser_slot(None, draft_key))
        done = [s for s in request.COOKIES.get(DONE_COOKIE, "").split("|") if s][-20:]
        done += [f"{request.user.pk}.{slot}" for slot in slots]
        response.set_cookie(DONE_COOKIE, "|".join(done), max_age=86400, path="/admin/", samesite="Lax")
        return response

    def response_add(self, request, obj, post_url_continue=None):
        return self.autosave_done(request, super().response_add(request, obj, post_url_continue), obj)

    def response_change(self, request, obj):
        return self.autosave_done(request, super().response_change(request, obj), obj)
