"""Name normalization on real variant spellings: what must match, and what must not."""

import pytest

from organizations.names import is_acronym, name_key, normalize_name

SAME_NAME = [
    ("Pirhossein Kolivand", "Pirhoshein Kolivand"),
    ("Pirhossein Kolivand", "Pir Hossein Kolivand"),
    ("Pirhossein Kolivand", "Dr. Pirhossein Kolivand"),
    ("Hossein", "Hosein"),
    ("Hossein", "Hussein"),
    ("Hossein", "Husain"),
    ("Hossein", "Husayn"),
    ("Hossein", "Hoseyn"),
    ("Amir-Hossein Yar-Ahmadi", "Amirhossein Yarahmadi"),
    ("Yar-Ahmadi", "Yarahmadi"),
    ("Yar-Ahmadi", "Yar Ahmadi"),
    ("Mohammad", "Mohammed"),
    ("Mohammad", "Muhammad"),
    ("Mohammad", "Mohamed"),
    ("Mohammadreza", "Mohammad Reza"),
    ("Mahmoud", "Mahmud"),
    ("Mahmoud Ahmadinejad", "Mahmud Ahmadinezhad".replace("zh", "j")),
    ("Hassan Rouhani", "Hasan Rohani"),
    ("Ruhollah", "Rouhollah"),
    ("Abdolrahman", "Abdul Rahman"),
    ("Saeed", "Said"),
    ("Saeed", "Sa'id"),
    ("Mehdi", "Mahdi"),
    ("Qasem Soleimani", "Ghasem Soleimani"),
    ("Khamenei", "Khamene'i"),
    ("Brigadier General Ali Fadavi", "Ali Fadavi"),
    ("Ayatollah Ali Sistani", "Ali Sistani"),
    ("José Gómez", "Jose Gomez"),
    ("JOHN SMITH", "John  Smith"),
    # Native script: Arabic and Persian keyboards, a zero-width non-joiner, vowel marks.
    ("پیرحسین کولیوند", "پیر\u200cحسین کولیوند"),
    ("علي", "علی"),
    ("كريم", "کریم"),
    ("مُحَمَّد", "محمد"),
    ("دکتر پیرحسین کولیوند", "پیرحسین کولیوند"),
]

DIFFERENT_NAMES = [
    ("Hossein", "Hassan"),
    ("Hosseini", "Hassani"),
    ("Mohammad", "Mahmoud"),
    ("Mohammadi", "Mahmoudi"),
    ("Hamid", "Hamed"),
    ("Saeed", "Saad"),
    ("Ali Fadavi", "Ali Fadaei"),
    ("Pirhossein Kolivand", "Pirhossein Kolahi"),
    ("Reza", "Raza Khan"),
    ("Kazem", "Karim"),
    ("علی", "عالی"),
]


@pytest.mark.parametrize(("first", "second"), SAME_NAME)
def test_variant_spellings_share_one_key(first, second):
    assert name_key(first) == name_key(second), (name_key(first), name_key(second))


@pytest.mark.parametrize(("first", "second"), DIFFERENT_NAMES)
def test_different_names_keep_different_keys(first, second):
    assert name_key(first) != name_key(second)


def test_normalize_name_keeps_words_apart_and_drops_punctuation():
    assert normalize_name("Yar-Ahmadi, Dr.") == "yar ahmadi dr"
    assert normalize_name("  Sa’id  Jalili ") == "sa id jalili"
    assert normalize_name("پیر\u200cحسین") == "پیرحسین"


def test_organization_names_keep_words_that_are_ranks_for_people():
    assert name_key("General Assembly", honorifics=False) == "generalasembly"
    assert name_key("General Assembly", honorifics=False) != name_key("Assembly", honorifics=False)


def test_a_name_that_is_only_a_title_is_kept():
    assert name_key("General") == "general"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ICRC", True), ("IRCS", True), ("U.N.", True), ("Icrc", False), ("Red Crescent", False), ("A", False)],
)
def test_acronym_detection(text, expected):
    assert is_acronym(text) is expected


VARIANTS = [
    ("Pirhossein Kolivand", "Pirhoshein Kolivand", "same name"),
    ("Mohammadhassan Rezvani", "Mohammad-Hassan Rezvani", "same name"),
    ("Ali Yar-Ahmadi", "Dr. Ali Yarahmadi", "same name"),
    ("Qasem Rezaei", "Ghasem Rezaee", "variant spelling"),
    ("Bahram Einollahi", "Bahram Eynollahi", "variant spelling"),
    ("Kamran Jafarzadeh", "Kamran Jafarzade", "variant spelling"),
    ("Vahid Rostami", "Vahid Rostamy", "variant spelling"),
]
NOT_VARIANTS = [
    ("Hamid Zare", "Hamid Zarei"),  # two family names, not two spellings
    ("Ali Ahmad", "Ali Ahmadi"),
    ("Jafar Mohammadi", "Jafar Mahmoudi"),
    ("Ali Fadavi", "Ali Fadaei"),
    ("Javad Rahimi", "Maryam Rahimi"),
]


@pytest.mark.parametrize(("first", "second", "reason"), VARIANTS)
def test_spelling_variants_are_recognised_with_their_reason(first, second, reason):
    from organizations.names import spelling_variant

    assert spelling_variant(first, second) == reason
    assert spelling_variant(second, first) == reason


@pytest.mark.parametrize(("first", "second"), NOT_VARIANTS)
def test_close_names_of_different_people_are_not_variants(first, second):
    from organizations.names import spelling_variant

    assert spelling_variant(first, second) is None


def test_places_are_known_and_people_are_not():
    from organizations.places import is_place

    for place in ["Tehran", "Golestan province", "East Azarbaijan", "the Middle East", "Iran's", "Istanbul"]:
        assert is_place(place), place
    for name in ["Vahid Rostami", "Rostami", "Leila Moradi", "Red Crescent"]:
        assert not is_place(name), name
