"""Keep the article table's rows narrow: bodies and search vectors stored out of line (TOAST).

Search takes the newest matches of a word in tens of thousands of rows: it reads each matching
row's publication time and status from the table, so the table's size, not the matches', sets the
cost. With the body (1-2 kB) kept inline a row is ~2.7 kB and 100,000 rows do not fit in
PostgreSQL's buffers; moved out of line above 256 bytes, a row is a few hundred bytes. The page of
one article reads its body through one more index lookup. Applies to rows written from now on;
``rebuild_search_index`` rewrites every row.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_search_words")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE articles_article SET (toast_tuple_target = 256)",
            reverse_sql="ALTER TABLE articles_article RESET (toast_tuple_target)",
        )
    ]
