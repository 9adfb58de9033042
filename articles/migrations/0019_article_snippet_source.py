"""The search snippet's source, stored: the standfirst and the first 3,000 characters of the body
without their tags, computed by PostgreSQL whenever the row is written.

A results page highlighted 20 snippets by reading each body and removing its tags with a regular
expression first, a third of the snippets' cost. The column is stored out of line like the body
(migration 0018), so the rows stay narrow. Adding it rewrites the table once.
"""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0018_article_narrow_rows")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="snippet_source",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(
                    django.db.models.functions.text.Concat(
                        "dek",
                        models.Value(" "),
                        django.db.models.functions.text.Left("body", 3000),
                        output_field=models.TextField(),
                    ),
                    models.Value("<[^>]*>"),
                    models.Value(" "),
                    models.Value("g"),
                    function="regexp_replace",
                    output_field=models.TextField(),
                ),
                output_field=models.TextField(),
            ),
        ),
    ]
