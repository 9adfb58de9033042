"""Likely duplicate entities: same normalized name, close spelling, same affiliation."""

import pytest

from organizations.duplicates import find_duplicates
from tests.factories import AffiliationFactory, ArticlePersonFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_close_spelling_pair_is_listed_keeping_the_better_linked_record():
    # The same normalized name can no longer be two records (the database refuses it), so what
    # is left to find are close spellings the name key does not fold, such as a lost letter.
    keep = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    drop = PersonFactory(name="Pirhoshein Kolivan", slug="pirhoshein-kolivand")
    ArticlePersonFactory(person=keep)
    ArticlePersonFactory(person=keep)
    ArticlePersonFactory(person=drop)
    PersonFactory(name="Hassan Kolivand", slug="hassan-kolivand")
    pairs = find_duplicates("person")
    assert len(pairs) == 1
    pair = pairs[0]
    assert (pair.keep, pair.drop) == (keep, drop)
    assert 0.85 <= pair.score < 1.0
    assert "close spelling" in pair.reason


def test_close_spelling_with_same_affiliation_scores_above_close_spelling_alone():
    irc = OrganizationFactory(name="Red Crescent", acronym="IRCS")
    c = PersonFactory(name="Kamran Jafarzadeh", slug="c")
    d = PersonFactory(name="Kamran Jafarzade", slug="d")
    e = PersonFactory(name="Kamran Jafarzadi", slug="e")
    AffiliationFactory(person=c, organization=irc)
    AffiliationFactory(person=d, organization=irc)
    pairs = {frozenset((p.keep, p.drop)): p for p in find_duplicates("person")}
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


def test_organizations_with_a_close_spelling():
    OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    OrganizationFactory(name="Iranian Red Cresent Society", acronym="", slug="ircs-2")
    [pair] = find_duplicates("organization")
    assert pair.kind == "organization" and "close spelling" in pair.reason


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="Unknown kind"):
        find_duplicates("planet")


def test_names_differing_by_a_whole_word_are_not_duplicates():
    OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    OrganizationFactory(name="Iraqi Red Crescent Society", acronym="IRCS-IQ", slug="iraqi")
    OrganizationFactory(name="Red Crescent – Tehran Province Branch", acronym="", slug="tehran")
    OrganizationFactory(name="Red Crescent – Kerman Province Branch", acronym="", slug="kerman")
    assert find_duplicates("organization") == []
