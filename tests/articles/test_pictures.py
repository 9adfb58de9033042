"""Pictures where a reader expects them: body pictures from renditions in a <figure>, listings with
each story's lead picture (focal-point crop, srcset, lazy below the fold), JSON-LD ``image``."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.images.body import body_with_pictures
from articles.images.renditions import image_renditions_make
from articles.models import Image
from tests.articles.test_query_counts import BUDGETS
from tests.factories import STORY, ArticleFactory, ArticlePersonFactory, PersonFactory, SectionFactory
from tests.images import upload

pytestmark = pytest.mark.django_db


def picture(name="convoy.jpg", size=(2400, 1600), **fields) -> Image:
    fields.setdefault("alt_text", "Trucks on a mountain road")
    image = Image.objects.create(file=upload(name, "JPEG", size), **fields)
    image_renditions_make(image=image)
    return image


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.text


def test_body_picture_is_a_figure_with_webp_srcset_size_caption_and_credit(client):
    image = picture(caption="The second convoy leaves Tabriz.", credit="Sara Ahmadi/IRNA")
    body = (
        STORY + f'<img src="{image.file.url}" alt="typed by the editor" width="9999" height="1" '
        'srcset="https://evil.example/x.jpg 10w" sizes="1px">'
    )
    html = client.get(ArticleFactory(body=body).get_absolute_url()).text
    figure = re.search(r'<figure class="article__figure">.*?</figure>', html, re.S).group(0)
    assert '<source type="image/webp"' in figure
    assert " 480w" in figure and " 1600w" in figure and 'sizes="(min-width: 48rem) 46rem, 100vw"' in figure
    assert 'width="1600" height="1067"' in figure  # the box is reserved: no layout shift
    assert 'alt="Trucks on a mountain road"' in figure  # the library's words
    assert (
        "The second convoy leaves Tabriz." in figure
        and '<span class="credit">Sara Ahmadi/IRNA</span>' in figure
    )
    assert 'loading="lazy"' in figure
    # Nothing the editor's HTML said about sizes survives, and the 2400 px original is not offered.
    assert "9999" not in html and "evil.example" not in html and 'sizes="1px"' not in html
    assert image.file.url not in html


def test_picture_alone_in_a_paragraph_becomes_a_figure_and_one_inside_text_stays_inline():
    image = picture(caption="Tents in a school yard.")
    url = image.file.url
    alone = body_with_pictures(f'<p>Before.</p><p><img src="{url}" alt=""></p><p>After.</p>')
    assert alone.startswith("<p>Before.</p><figure")
    assert "<p><figure" not in alone and alone.endswith("<p>After.</p>")
    inline = body_with_pictures(f'<p>Look: <img src="{url}" alt=""> there.</p>')
    assert "<figure" not in inline and '<picture class="article__picture">' in inline
    assert inline.startswith("<p>Look: <picture") and inline.endswith("</picture> there.</p>")


def test_pictures_from_elsewhere_are_left_as_the_cleaner_left_them():
    html = '<p>Text.</p><img src="https://example.org/a.jpg" alt="Elsewhere"><p onclick="x()">More.</p>'
    assert (
        body_with_pictures(html)
        == '<p>Text.</p><img src="https://example.org/a.jpg" alt="Elsewhere"><p>More.</p>'
    )


def test_article_page_queries_are_the_same_for_one_or_five_body_pictures(client):
    one = ArticleFactory(body=STORY + f'<img src="{picture("a.jpg").file.url}" alt="">')
    five = ArticleFactory(
        body=STORY + "".join(f'<img src="{picture(f"p{i}.jpg").file.url}" alt="">' for i in range(5))
    )
    n_one, _ = queries(client, one.get_absolute_url())
    n_five, html = queries(client, five.get_absolute_url())
    assert n_one == n_five  # the pictures and all their renditions: two queries
    assert html.count('<figure class="article__figure">') == 5


def test_section_listing_shows_lead_pictures_lazy_below_the_first(client):
    section = SectionFactory()
    for i in range(3):
        ArticleFactory(section=section, lead_image=picture(f"lead{i}.jpg", alt_text=f"Picture {i}"))
    html = client.get(section.get_absolute_url()).text
    cards = re.findall(r'<picture class="card__picture">.*?</picture>', html, re.S)
    assert len(cards) == 3
    assert all("16x9" in card and " 480w" in card and 'type="image/webp"' in card for card in cards)
    assert all('width="1600" height="900"' in card for card in cards)  # the 16:9 focal crop
    assert 'loading="lazy"' not in cards[0] and all('loading="lazy"' in card for card in cards[1:])


@pytest.mark.parametrize("page", ["section", "tag", "person", "home"])
def test_listing_query_count_is_fixed_with_pictures(client, page):
    """One query more than the budget for all the pictures of a page, whether 2 stories have one or 12."""
    counts = []
    for n in (2, 12):
        section = SectionFactory(slug=f"s{n}")
        person = PersonFactory(slug=f"p{n}")
        for i in range(n):
            article = ArticleFactory(
                section=section, tags=[f"t{n}"], lead_image=picture(f"l{n}-{i}.jpg", size=(900, 600))
            )
            ArticlePersonFactory(article=article, person=person)
        url = {"section": f"/sections/s{n}/", "tag": f"/tags/t{n}/", "person": person.get_absolute_url()}
        count, html = queries(client, url.get(page, "/"))
        assert html.count('class="card__picture') >= 2
        counts.append(count)
    assert counts[0] == counts[1] == BUDGETS[page] + 1, counts


def test_home_lead_story_gets_a_large_eager_picture(client):
    ArticleFactory(lead_image=picture("older.jpg"))
    ArticleFactory(headline="The newest story", lead_image=picture("lead.jpg", alt_text="The lead picture"))
    html = client.get("/").text
    lead = re.search(r'<section class="lead-story.*?</section>', html, re.S).group(0)
    large = re.search(r'<picture class="card__picture card__picture--large">.*?</picture>', lead, re.S).group(
        0
    )
    assert 'alt="The lead picture"' in large and 'fetchpriority="high"' in large
    assert 'loading="lazy"' not in large and 'sizes="(min-width: 72rem) 70rem, 100vw"' in large


def test_json_ld_news_article_has_an_absolute_image_url(client):
    article = ArticleFactory(lead_image=picture())
    html = client.get(article.get_absolute_url()).text
    data = json.loads(
        re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S).group(1)
    )
    assert data["image"] and all(url.startswith("http://testserver/media/images/") for url in data["image"])
