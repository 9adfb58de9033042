"""Error pages and print come in the site's design."""

import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


def test_404_page_is_in_the_site_design_with_a_way_on(client, settings):
    settings.DEBUG = False
    response = client.get("/articles/no-such-story/")
    assert response.status_code == 404
    assert 'class="site-header"' in response.text and 'role="search"' in response.text
    assert "Page not found" in response.text and 'href="/"' in response.text


def test_500_page_stands_alone_with_the_site_stylesheet():
    html = render_to_string("500.html")
    assert "/static/css/site.css" in html and "Something went wrong" in html


def test_every_page_links_the_print_stylesheet(client):
    assert 'href="/static/css/print.css" media="print"' in client.get("/").text
