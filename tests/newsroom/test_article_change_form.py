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
# autosave of the article (the restore notice). Three more for the quote suggestions: the people the
# story is linked to, their names and aliases (a speaker written in another spelling is the linked
# person), whatever the number of rows.
CHANGE_FORM_QUERIES = 32


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


def group(html: str, prefix: str) -> str:
    """The HTML of one inline on the change form, from its group to the next inline's."""
    start = html.index(f'id="{prefix}-group"')
    end = html.find('class="js-inline-admin-formset', start + 1)
    return html[start : end if end != -1 else len(html)]


def test_inline_rows_have_no_add_change_or_view_links_but_the_article_fields_keep_theirs(client):
    client.force_login(User.objects.create_superuser("sara", password=None))
    article = article_with_rows(2)
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    html = response.text
    # A byline's person is a bare autocomplete, still naming its person...
    assert 'class="admin-autocomplete" data-ajax--cache' in group(html, "bylines")
    assert "Reporter Number1</option>" in group(html, "bylines")
    for link in ("add_id_", "change_id_", "view_id_"):
        assert f"{link}bylines-0-person" not in html
        assert f"{link}quotes-0-speaker" not in html
    # ...while the article's own section keeps the wrapper's "add another section" link.
    assert 'id="add_id_section"' in html


def test_a_long_inline_is_folded_and_a_short_one_is_not(client):
    client.force_login(User.objects.create_superuser("sara", password=None))
    article = article_with_rows(12)
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    html = response.text
    bylines = group(html, "bylines")
    assert "<details><summary>" in bylines
    # Folded, every row is still in the form, editable.
    assert 'name="bylines-11-person"' in bylines
    assert "<details>" not in group(html, "event_links")  # no rows: shown as before


def test_a_folded_inline_with_an_error_opens_and_shows_the_message(client):
    from tests.admin_posts import article_post

    client.force_login(User.objects.create_superuser("sara", password=None))
    article = article_with_rows(12)
    data = article_post(article)
    data["bylines-3-position"] = "third"
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200  # not saved: the form again
    bylines = group(response.text, "bylines")
    assert "<details>" not in bylines
    assert "Enter a whole number." in bylines
    assert article.bylines.filter(position=3).exists()  # nothing changed
