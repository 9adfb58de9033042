"""Slug history: every old slug of an article or entity keeps answering with a 301.

Each history row points straight at the object, so a slug changed twice never makes a
redirect chain: both old slugs redirect to the current URL in one hop.
"""

from django.db import models, transaction


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


class OldSlugRedirectMixin:
    """For detail views: an old slug answers 301 to the object's current URL, if it is visible."""

    def get(self, request, *args, **kwargs):
        from django.http import Http404, HttpResponsePermanentRedirect

        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            model = self.get_queryset().model
            history = model._meta.apps.get_model(model._meta.app_label, model.old_slug_model_name)
            owner_id = (
                history.objects.filter(slug=kwargs.get("slug")).values_list("owner_id", flat=True).first()
            )
            target = self.get_queryset().filter(pk=owner_id).first() if owner_id else None
            if target is None:
                raise
            # 301, not 302: search engines and feed readers must move to the new address for good.
            return HttpResponsePermanentRedirect(target.get_absolute_url())
