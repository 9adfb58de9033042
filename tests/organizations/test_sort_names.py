"""Where people are filed in the A–Z index: surname first, by a rule an editor can override."""

import json

import pytest
from django.core.management import call_command

from organizations.models import Person
from organizations.sort_names import index_letter, person_sort_name
from tests.factories import PersonFactory


@pytest.mark.parametrize(
    "name,filed",
    [
        ("Pirhossein Kolivand", "Kolivand, Pirhossein"),
        ("Dr. Leila Moradi", "Moradi, Leila"),  # the title is not filed on
        ("Brigadier General Ali Fadavi", "Fadavi, Ali"),
        ("Ali al-Hussein", "Hussein, Ali al-"),  # the Arabic article goes last
        ("Mohammed bin Rashid Al Maktoum", "Maktoum, Mohammed bin Rashid Al"),
        ("Mahmoud Ahmadi Nejad", "Ahmadi Nejad, Mahmoud"),  # a Persian ending written apart
        ("Akbar Hashemi-Rafsanjani", "Hashemi-Rafsanjani, Akbar"),  # a hyphenated compound
        ("Ahmed Abu Ghaith", "Abu Ghaith, Ahmed"),
        ("Staffan de Mistura", "de Mistura, Staffan"),
        ("Martin Luther King Jr.", "King, Martin Luther, Jr."),
        ("Madonna", "Madonna"),
        ("Kolivand, Pirhossein", "Kolivand, Pirhossein"),  # already filed
        ("پیرحسین کولیوند", "کولیوند، پیرحسین"),  # Arabic script, Arabic comma
    ],
)
def test_sort_name_rule_puts_the_surname_first(name, filed):
    assert person_sort_name(name) == filed


@pytest.mark.parametrize(
    "filed,letter",
    [("Kolivand, Pirhossein", "K"), ("Özdemir, Ayşe", "O"), ("کولیوند", "#"), ("3rd Brigade", "#")],
)
def test_index_letter_folds_accents_and_puts_other_scripts_under_hash(filed, letter):
    assert index_letter(filed) == letter


@pytest.mark.django_db
def test_sort_name_follows_a_rename_until_an_editor_sets_one():
    person = PersonFactory(name="Pirhossein Kolivand")
    assert person.sort_name == "Kolivand, Pirhossein"
    person = Person.objects.get(pk=person.pk)
    person.name = "Pirhossein Kolivandi"
    person.save()
    assert Person.objects.get(pk=person.pk).sort_name == "Kolivandi, Pirhossein"

    person = Person.objects.get(pk=person.pk)
    person.sort_name = "Hashemi Kolivandi, Pirhossein"  # the editor knows the compound surname
    person.save()
    person = Person.objects.get(pk=person.pk)
    person.name = "Pirhossein Hashemi Kolivandi"
    person.save(update_fields=["name"])
    assert Person.objects.get(pk=person.pk).sort_name == "Hashemi Kolivandi, Pirhossein"


@pytest.mark.django_db
def test_importer_keeps_a_given_sort_name_and_fills_a_missing_one(tmp_path):
    path = tmp_path / "people.jsonl"
    records = [
        {
            "type": "person",
            "slug": "rafsanjani",
            "name": "Akbar Hashemi Rafsanjani",
            "sort_name": "Hashemi Rafsanjani, Akbar",
        },
        {"type": "person", "slug": "kolivand", "name": "Pirhossein Kolivand"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    call_command("import_entities", str(path))
    assert Person.objects.get(slug="rafsanjani").sort_name == "Hashemi Rafsanjani, Akbar"
    assert Person.objects.get(slug="kolivand").sort_name == "Kolivand, Pirhossein"


@pytest.mark.django_db
def test_admin_change_form_lets_an_editor_correct_the_sort_name(admin_client):
    person = PersonFactory(name="Akbar Hashemi Rafsanjani", slug="rafsanjani")
    html = admin_client.get(f"/admin/organizations/person/{person.pk}/change/").text
    assert 'name="sort_name"' in html and "Rafsanjani, Akbar Hashemi" in html
