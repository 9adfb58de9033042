"""An acronym links its organization only where it is used as one."""

import pytest

from articles.linking.finder import EntityMatcher
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def matcher():
    OrganizationFactory(slug="who", name="World Health Organization", acronym="WHO")
    OrganizationFactory(slug="anadolu", name="Anadolu Agency", acronym="AA")
    return EntityMatcher.build()


def slugs(matcher, text):
    from organizations.models import Organization

    ids = [pk for (kind, pk) in matcher.find(text) if kind == "organization"]
    return sorted(Organization.objects.filter(pk__in=ids).values_list("slug", flat=True))


@pytest.mark.parametrize(
    "text",
    [
        "WHO ARE THE VOLUNTEERS?",
        "Most vaccinators carry AA batteries and cool boxes.",
        "The kit needs four AA-size cells.",
    ],
)
def test_capitals_that_are_not_an_acronym_link_nothing(matcher, text):
    assert slugs(matcher, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The WHO representative praised the campaign.", ["who"]),
        ("Who are the volunteers? The WHO trained them, AA reported.", ["anadolu", "who"]),
        ("WHO ARE THE VOLUNTEERS?\nThe WHO trained most of them.", ["who"]),
    ],
)
def test_an_acronym_in_an_ordinary_sentence_still_links(matcher, text, expected):
    assert slugs(matcher, text) == expected
