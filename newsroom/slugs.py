"""Slug history: every old slug of an article or entity keeps answering with a 301.

Each history row points straight at the object, so a slug changed twice never makes a
redirect chain: both old slugs redirect to the current URL in one hop.
"""

from django.db import models, transaction
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse


class OldSlug(models.Model):
    """A slug an object used to have. Concrete subclasses add the foreign key named ``owner``."""

    slug = models.SlugField(max_length=200, unique=True)
    replaced_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.slug


class SlugHistoryMixin(models.Model):
    """Records the previous slug when a saved object's slug changes."""

    #: The concrete ``OldSlug`` subclass for this model; set by each model.
    old_slug_model_name: str = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        previous = getattr(self, "_loaded_slug", None)
        with transaction.atomic():
            super().save(*args, **kwargs)
            if previous and previous != self.slug:
                history = self._meta.apps.get_model(self._meta.app_label, self.old_slug_model_name)
                history.objects.update_or_create(slug=previous, defaults={"owner": self})
            # The current slug is never also an old one: a slug taken back stops redirecting.
            if self.old_slug_model_name:
                history = self._meta.apps.get_model(self._meta.app_label, self.old_slug_model_name)
                history.objects.filter(slug=self.slug).delete()
        self._loaded_slug = self.slug

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_slug = getattr(instance, "slug", None) if "slug" in field_names else None
        return instance


def old_slug_redirect(request, queryset, slug: str | None) -> HttpResponsePermanentRedirect | None:
    """The address just asked for under the object's current slug, query string kept, when ``slug``
    is an old slug of an object in ``queryset`` (what readers may see); None otherwise.

    The same view is reversed with the current slug, so every address under an object (its page,
    ``related/``, ``feed/``, ``feed/atom/``, ``feed/json/``) moves with it.
    """
    model = queryset.model
    if not slug or not getattr(model, "old_slug_model_name", ""):
        return None
    history = model._meta.apps.get_model(model._meta.app_label, model.old_slug_model_name)
    owner_id = history.objects.filter(slug=slug).values_list("owner_id", flat=True).first()
    current = queryset.filter(pk=owner_id).values_list("slug", flat=True).first() if owner_id else None
    match = request.resolver_match
    if current is None or match is None:
        return None
    location = reverse(match.view_name, args=match.args, kwargs={**match.kwargs, "slug": current})
    query = request.META.get("QUERY_STRING", "")
    # 301, not 302: search engines and feed readers must move to the new address for good; the
    # query string (a page number, a campaign tag) is the reader's and goes along.
    return HttpResponsePermanentRedirect(f"{location}?{query}" if query else location)


class OldSlugRedirectMixin:
    """For views of one object by ``slug``: an old slug answers 301 to the same view under the current
    slug, if the object is visible (``old_slug_queryset``, by default the view's own queryset)."""

    def old_slug_queryset(self):
        return self.get_queryset()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            response = old_slug_redirect(request, self.old_slug_queryset(), kwargs.get("slug"))
            if response is None:
                raise
            return response
