"""A version number on editable content, raised on every save, for conflict detection."""

from django.db import models


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised by one on every save; a save based on an older version is a conflict.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version = (self.version or 0) + 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)
