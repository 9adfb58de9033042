
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0019_article_snippet_source"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="searchword",
            index=models.Index(fields=["-documents"], name="search_word_documents"),
        ),
    ]
