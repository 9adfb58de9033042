"""Previews: an article exactly as a reader will see it, whatever its status.

``/preview/articles/<id>/`` is for signed-in staff (Authors only for their own articles);
``/preview/<token>/`` is a signed, expiring link an editor can send to a reviewer without an
account. Previews are never cached and ask search engines not to index them.
"""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.http import Http404
from django.urls import reverse

from articles.models import Article
from articles.public.views import ArticleDetailView
from articles.workflow.services import articles_for

SALT = "articles.public.preview"


def preview_token(article: Article) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(article.pk))


def preview_share_url(article: Article) -> str:
    return reverse("preview:shared", kwargs={"token": preview_token(article)})


def article_id_from_token(token: str) -> int:
    """The article id in a valid, unexpired token; Http404 for anything else (never a 500)."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=settings.NEWSROOM_PREVIEW_MAX_AGE)
        return int(value)
    except (signing.BadSignature, ValueError) as error:
        raise Http404("This preview link is not valid or has expired.") from error


class PreviewMixin:
    """Renders the real article page, marked as a preview, uncached and unindexed."""

    preview = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response


class StaffPreviewView(LoginRequiredMixin, PreviewMixin, ArticleDetailView):
    login_url = "admin:login"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not (
            request.user.is_staff and request.user.has_perm("articles.view_article")
        ):
            raise Http404("No such article.")
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return articles_for(self.request.user)


class SharedPreviewView(PreviewMixin, ArticleDetailView):
    def get_base_queryset(self):
        return Article.objects.filter(pk=article_id_from_token(self.kwargs["token"]))

    def get_object(self, queryset=None):
        article = (queryset if queryset is not None else self.get_queryset()).first()
        return article if article is not None else self._missing()

    def _missing(self):
        raise Http404("No such article.")


def preview_links(request, article: Article) -> dict:
    """The change form's "Preview" and "Shareable preview link" for ``article`` (template context)."""
    return {
        "preview_url": reverse("preview:article", kwargs={"pk": article.pk}),
        "preview_share_url": request.build_absolute_uri(preview_share_url(article)),
        "preview_share_days": settings.NEWSROOM_PREVIEW_MAX_AGE // 86400,
    }
