"""The demo newsroom carries one person under two spellings, for a user to find and merge.

The demo is loaded once for the module (``demo_newsroom``); each test runs in its own savepoint.
"""

import pytest
from django.core.management import call_command

from articles.models import ArticlePerson
from organizations.duplicates import find_duplicates
from organizations.models import Person

pytestmark = pytest.mark.django_db


def test_demo_duplicate_pair_is_found_merged_and_stays_merged(demo_newsroom, capsys, client):
    pair = find_duplicates("person")[0]
    assert {pair.keep.slug, pair.drop.slug} == {"pirhossein-kolivand", "pirhoshein-kolivand"}
    assert pair.score >= 0.85 and "close spelling" in pair.reason
    call_command("find_duplicate_entities")
    out = capsys.readouterr().out
    assert "merge_entities person pirhossein-kolivand pirhoshein-kolivand" in out

    # Merged, the pair stays merged when the demo loads again (make run loads it every time).
    call_command("merge_entities", "person", "pirhossein-kolivand", "pirhoshein-kolivand")
    keep = Person.objects.get(slug="pirhossein-kolivand")
    assert ArticlePerson.objects.filter(person=keep).count() == 2
    capsys.readouterr()
    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out
    assert not Person.objects.filter(slug="pirhoshein-kolivand").exists()
    assert "Pirhoshein Kolivan" in keep.aliases.values_list("name", flat=True)
    assert client.get("/people/pirhoshein-kolivand/").status_code == 301
    page = client.get("/people/pirhossein-kolivand/").content.decode()
    assert "rural paramedics" in page and "faster rebuilding" in page


def test_demo_duplicate_merged_the_other_way_stays_merged(demo_newsroom, capsys, client):
    """Whichever spelling the editor keeps, the demo respects it."""
    call_command("merge_entities", "person", "pirhoshein-kolivand", "pirhossein-kolivand")
    capsys.readouterr()
    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out
    keep = Person.objects.get(slug="pirhoshein-kolivand")
    assert not Person.objects.filter(slug="pirhossein-kolivand").exists()
    assert "Pirhossein Kolivand" in keep.aliases.values_list("name", flat=True)
    assert ArticlePerson.objects.filter(person=keep).count() == 2
    assert client.get("/people/pirhossein-kolivand/").status_code == 301
