"""The article change form: the article is loaded once, and the page costs the same number of
queries with 1 or 50 bylines, links and quotes."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    PersonFactory,
    QuoteFactory,
)

pytestmark = pytest.mark.django_db

#: Session, user, savepoint, the article, tags, one query per inline (6), the link suggestions'
#: name index check (5), release, the section's name. It was 29 (the article loaded four times),
#: and 421 with 50 rows of each inline.
# Within PRODUCT.md's 40; the same for 1 and 50 rows. The link, proposal and quote boxes read the
# directory's name index and the article's open proposals (10 of these). One more: the editor's
# autosave of the article (the restore notice).
CHANGE_FORM_QUERIES = 29


def article_with_rows(rows: int):
    article = ArticleFactory()
    for i in range(rows):
        BylineFactory(article=article, position=i, person=PersonFactory(name=f"Reporter Number{i}"))
        ArticlePersonFactory(article=article)
        ArticleOrganizationFactory(article=article)
        QuoteFactory(article=article)
    return article


@pytest.mark.parametrize("rows", [1, 50])
def test_change_form_query_count_is_the_same_for_1_or_50_rows(client, django_assert_num_queries, rows):
    client.force_login(User.objects.create_superuser("sara", password=None))
    article = article_with_rows(rows)
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.get(url)  # the first visit fills the link finder's name index
    with django_assert_num_queries(CHANGE_FORM_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    # Every byline still shows its person, named without a query of its own.
    for i in range(rows):
        assert f"Reporter Number{i}</option>" in response.text
    assert response.text.count('name="loaded_version"') == 1
