"""The covering indexes of related-post scoring, made in 0002 with SQL, now declared on the link
models' Meta (``models.Index(include=...)``) so Django's state knows them. The indexes already
exist under these names, so only the state changes: nothing is rebuilt.

The fourth index of 0002 (``related_tag_object``) is on django-taggit's table, which this project
does not own; it stays in 0002 as SQL.
"""

from django.db import migrations, models

COVERING = [
    ("articleperson", "person", "related_person_article_role"),
    ("articleorganization", "organization", "related_org_article_role"),
    ("articleevent", "event", "related_event_article_role"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_article_expiry_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name=model_name,
                    index=models.Index(fields=[entity, "article"], include=["role"], name=name),
                )
                for model_name, entity, name in COVERING
            ],
        ),
    ]
