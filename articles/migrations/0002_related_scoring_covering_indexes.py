"""Covering indexes for related-post scoring: the links of one entity (with their role) and the
articles of one tag are read from the index alone, without visiting the table."""

from django.db import migrations

INDEXES = [
    ("related_person_article_role", "articles_articleperson", "person_id, article_id", "role"),
    ("related_org_article_role", "articles_articleorganization", "organization_id, article_id", "role"),
    ("related_event_article_role", "articles_articleevent", "event_id, article_id", "role"),
    ("related_tag_object", "taggit_taggeditem", "tag_id, content_type_id, object_id", None),
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_articles_sections_images_links_related"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {name} ON {table} ({columns})" + (f" INCLUDE ({include})" if include else ""),
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, table, columns, include in INDEXES
    ]
