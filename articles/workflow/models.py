"""What an editor typed in an article's change form and has not saved yet (autosave).

Kept beside the workflow admin that writes it and imported by ``articles/models.py`` so Django
finds it. One record per editor and article (or per editor and unsaved new article, by the key
the browser made for it), replaced on every autosave and removed once the editor's save succeeds.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AutosaveDraft(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="autosaves")
    #: Empty for a new article that was never saved: ``key`` then names the browser's draft.
    article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="autosaves"
    )
    key = models.CharField(
        max_length=80, help_text=_("“article:<id>” for an existing article, “new:<draft key>” for a new one.")
    )
    data = models.JSONField(help_text=_("The form's fields as the editor had typed them."))
    base_version = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("The version of the article the form was opened at.")
    )
    saved_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("autosaved draft")
        verbose_name_plural = _("autosaved drafts")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_autosave_per_user_and_key")]

    def __str__(self):
        return f"{self.user} · {self.key} · {self.saved_at:%Y-%m-%d %H:%M}"
