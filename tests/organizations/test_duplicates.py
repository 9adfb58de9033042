"""Likely duplicate entities: same normalized name, close spelling, same affiliation."""

import pytest

from organizations.duplicates import find_duplicates
from organizations.models import PersonAlias
from tests.factories import AffiliationFactory, ArticlePersonFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_variant_spelling_pair_is_listed_with_same_name_reason():
    keep = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    drop = PersonFactory(name="Pirhoshein Kolivand", slug="pirhoshein-kolivand")
    ArticlePersonFactory(person=keep)
    ArticlePersonFactory(person=keep)
    ArticlePersonFactory(person=drop)
    PersonFactory(name="Hassan Kolivand", slug="hassan-kolivand")
    pairs = find_duplicates("person")
    assert len(pairs) == 1
    pair = pairs[0]
    assert (pair.keep, pair.drop) == (keep, drop)
    assert pair.score == 1.0
    assert "same normalized name" in pair.reason


def test_alias_matching_another_persons_name_is_a_duplicate():
    first = PersonFactory(name="Ali Fadavi", slug="ali-fadavi")
    PersonAlias.objects.create(person=first, name="علی فدوی")
    second = PersonFactory(name="علي فدوي", slug="ali-fadavi-fa")
    [pair] = find_duplicates("person")
    assert {pair.keep, pair.drop} == {first, second}


def test_close_spelling_with_same_affiliation_scores_above_close_spelling_alone():
    irc = OrganizationFactory(name="Red Crescent", acronym="IRCS")
    a = PersonFactory(name="Mahdi Valipour", slug="a")
    b = PersonFactory(name="Mahdi Valipoor", slug="b")  # ou/oo fold: same key
    c = PersonFactory(name="Kamran Jafarzadeh", slug="c")
    d = PersonFactory(name="Kamran Jafarzade", slug="d")
    e = PersonFactory(name="Kamran Jafarzadi", slug="e")
    AffiliationFactory(person=c, organization=irc)
    AffiliationFactory(person=d, organization=irc)
    pairs = {frozenset((p.keep, p.drop)): p for p in find_duplicates("person")}
    assert pairs[frozenset((a, b))].score == 1.0
    with_affiliation = pairs[frozenset((c, d))]
    assert (
        "close spelling" in with_affiliation.reason and "same affiliation (IRCS)" in with_affiliation.reason
    )
    assert with_affiliation.score > pairs[frozenset((d, e))].score


def test_different_people_are_not_listed():
    PersonFactory(name="Hossein Ahmadi", slug="x")
    PersonFactory(name="Hassan Mahmoudi", slug="y")
    PersonFactory(name="Mohammad Rezaei", slug="z")
    assert find_duplicates("person") == []


def test_organizations_with_same_normalized_name():
    OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    OrganizationFactory(name="Iranian Red-Crescent society", acronym="", slug="ircs-2")
    [pair] = find_duplicates("organization")
    assert pair.kind == "organization" and pair.score == 1.0


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="Unknown kind"):
        find_duplicates("planet")
