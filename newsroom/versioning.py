"""A version number on editable content, raised on every save, and checked on every save.

An instance remembers the version it was loaded at. Saving it runs
``UPDATE … SET version = N + 1 WHERE id = %s AND version = N``: when another save got there first
no row matches and ``VersionConflict`` is raised, so of any number of concurrent saves based on
the same version exactly one wins, whatever path they come from (admin, service, command).
Who passes what:

- admin change forms: ``save(expected_version=N)``, N being the version the form was opened at
  (the form refuses a POST without it, and locks the row while it checks);
- workflow steps (publish, schedule, the scheduled-publishing task) and entity merges re-read the
  row with ``select_for_update`` and save that copy, so they are based on the current version;
- imports with ``--update`` replace records on purpose: ``lock_current_versions`` locks the rows
  and takes their current versions before writing over them;
- anything else (the demo loader, a shell) is checked against the version it loaded.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionConflict(ValidationError):
    """A save based on a version that is no longer the current one."""

    def __init__(self, obj, *, expected: int, current: int | None):
        self.obj, self.expected, self.current = obj, expected, current
        super().__init__(
            _(
                "This %(kind)s was saved by someone else while this change was being made "
                "(it was based on version %(expected)s; it is now version %(current)s). "
                "Nothing was saved: reload it and make the change again."
            ),
            code="version_conflict",
            params={"kind": obj._meta.verbose_name, "expected": expected, "current": current},
        )


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text=_("Raised by one on every save; a save based on an older version is a conflict."),
    )

    class Meta:
        abstract = True

    def save(self, *args, expected_version: int | None = None, **kwargs):
        """Save; raise ``VersionConflict`` when the row is no longer at the version this save is
        based on (``expected_version``, or else the version the instance was loaded at)."""
        if self._state.adding:
            super().save(*args, **kwargs)
            self._loaded_version = self.version
            return
        base = expected_version if expected_version is not None else getattr(self, "_loaded_version", None)
        previous = self.version
        self.version = max(self.version or 0, base or 0) + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        self._version_base = base
        try:
            super().save(*args, **kwargs)
        except VersionConflict:
            self.version = previous  # the form shows the editor's version again, not a number never saved
            raise
        finally:
            self._version_base = None
        self._loaded_version = self.version

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_version = instance.__dict__.get("version")
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._loaded_version = self.__dict__.get("version")

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update, returning_fields):
        base = getattr(self, "_version_base", None)
        if base is None:  # a raw save (a revision being restored) or an instance never loaded
            return super()._do_update(
                base_qs, using, pk_val, values, update_fields, forced_update, returning_fields
            )
        updated = super()._do_update(
            base_qs.filter(version=base),
            using,
            pk_val,
            values,
            update_fields,
            forced_update,
            returning_fields,
        )
        if not updated:
            current = base_qs.filter(pk=pk_val).values_list("version", flat=True).first()
            if current is not None:
                raise VersionConflict(self, expected=base, current=current)
        return updated

    @classmethod
    def lock_current_versions(cls, instances) -> None:
        """Lock the rows of ``instances`` until the transaction ends and take their current versions.

        For writes that replace a row on purpose (``import_* --update``): the save that follows is
        based on the version now in the database, and no other save can slip in before it.
        """
        loaded = {obj.pk: obj for obj in instances if obj.pk is not None}
        if not loaded:
            return
        rows = cls._default_manager.select_for_update().filter(pk__in=loaded).values_list("pk", "version")
        for pk, version in rows:
            loaded[pk].version = loaded[pk]._loaded_version = version
