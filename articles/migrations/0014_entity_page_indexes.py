"""Indexes for the entity pages: coverage counted by month from a small covering index, and a
person's latest quotes read in order."""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    # Built without locking the tables, so app nodes keep serving during the migration.
    atomic = False

    dependencies = [
        ("articles", "0013_autosave_drafts"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="article",
            index=models.Index(
                fields=["id"],
                include=("published_at", "status", "is_stub", "unpublish_at"),
                name="article_visibility",
            ),
        ),
        AddIndexConcurrently(
            model_name="quote",
            index=models.Index(
                models.F("speaker"),
                models.OrderBy(models.F("said_on"), descending=True, nulls_last=True),
                models.OrderBy(models.F("id"), descending=True),
                name="quote_latest_by_speaker",
            ),
        ),
    ]
