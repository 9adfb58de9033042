"""Addresses by slug are the ones ``reverse()`` gives, without resolving the URLs for each link."""

import pytest
from django.urls import NoReverseMatch, reverse

from newsroom.slug_urls import slug_url

NAMES = [
    "articles:article_detail",
    "articles:section_detail",
    "articles:tag_detail",
    "organizations:person_detail",
    "organizations:organization_detail",
    "organizations:event_detail",
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("slug", ["kolivand", "red-crescent_2026", "ICRC"])
def test_slug_url_is_the_reversed_address(name, slug):
    assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug})


def test_a_slug_the_address_cannot_hold_is_refused_as_reverse_refuses_it():
    with pytest.raises(NoReverseMatch):
        slug_url("organizations:person_detail", "")
    with pytest.raises(NoReverseMatch):
        slug_url("organizations:person_detail", "a/b")


def test_the_address_follows_the_script_prefix(settings):
    from django.urls import set_script_prefix

    slug_url("organizations:person_detail", "kolivand")
    set_script_prefix("/news/")
    try:
        assert slug_url("organizations:person_detail", "kolivand") == "/news/people/kolivand/"
    finally:
        set_script_prefix("/")
