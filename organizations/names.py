"""Name normalization: one place that decides when two written names are the same name.

Two levels:

- :func:`normalize_name` is the *display-neutral* form: case, accents and diacritics, punctuation
  and hyphens, and the letter variants of Persian and Arabic script folded; word boundaries kept.
- :func:`name_key` is the *comparison key*: the normalized name without honorifics and ranks
  ("Dr.", "Brigadier General"), with the common transliteration variants of Persian and Arabic
  names folded to one spelling (Hossein/Hosein/Hussein, Mohammad/Mohammed/Muhammad,
  Pirhossein/Pirhoshein) and without spaces, so "Yar-Ahmadi", "Yar Ahmadi" and "Yarahmadi"
  share one key. Two names with the same key are taken to be the same name.
"""

import re
import unicodedata
from functools import cache

_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")

# Letters of Arabic script written several ways for one sound (Arabic vs Persian keyboards),
# and characters that carry no letter: tatweel, zero-width joiners, the Arabic letter mark.
_SCRIPT_FOLD = str.maketrans(
    {
        "ي": "ی",  # Arabic yeh -> Persian yeh
        "ى": "ی",  # alef maksura
        "ئ": "ی",
        "ك": "ک",  # Arabic kaf -> Persian keheh
        "ة": "ه",  # teh marbuta
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ـ": "",  # tatweel
        "\u200c": "",  # zero-width non-joiner, written inside Persian compound names
        "\u200d": "",
        "\u200f": "",
        "\u061c": "",
        # Transliteration marks for ayn and hamza (Sa'id, Ja‘far): letters to \w, but not sounds.
        "ʿ": "",
        "ʾ": "",
        "ʼ": "",
        "ʻ": "",
        "ı": "i",  # Turkish dotless i, common in Turkish spellings of Persian names
    }
)

# Honorifics and ranks dropped from the start of a person's name (and a few from the end).
# "Brigadier General Ali Fadavi" and "Ali Fadavi" are one person.
_HONORIFIC_WORDS = """
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady madam mister gen general
    brigadier lieutenant lt col colonel maj major capt captain cmdr commander adm admiral sgt
    sergeant cpl corporal marshal ayatollah ayatolah grand hojatoleslam hojjatoleslam
    hojatolislam sheikh shaykh shaikh imam haj hajj haji hajji sardar mullah mawlana rev
    reverend fr father sister brother eng engineer excellency hon honourable honorable دکتر
    مهندس سردار سرتیپ سرلشکر سرهنگ آقای اقای خانم حاج حجت\u200cالاسلام حجتالاسلام آیتالله
    ایتالله شیخ
"""
HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
SUFFIXES = frozenset({"jr", "sr", "phd", "md", "ii", "iii", "rtd", "retd"})

# Name parts transliterated in many ways, matched anywhere in a word (Persian compound names:
# Pirhossein, Amirhossein, Mohammadreza, Abdolrahman). Applied to the normalized lower-case form.
_VARIANT_PARTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # Hossein / Hosein / Hussein / Husain / Husayn / Hoseyn / Hossain / Pirhoshein
        (r"h[ou]s{1,2}h?(?:ei|ai|ay|ey|e|a)y?n", "husain"),
        # Mohammad / Mohammed / Muhammad / Mohamed / Mohamad / Muhammed / Mohammet / Mehmet
        (r"m[ou]hh?amm?[ae][dt]", "muhammad"),
        (r"mehmet", "muhammad"),
        # Ahmad / Ahmed
        (r"ahm[ae]d", "ahmad"),
        # Abdol / Abdul / Abdel / Abdal + following part
        (r"abd[oeua]l", "abdul"),
        # -ollah / -ullah / -allah / -olah (Ruhollah, Valiollah)
        (r"(?<=[a-z])[ou]ll?ah", "ullah"),
        # Mahmoud / Mahmud / Mahmood
        (r"mahm(?:ou|oo|u)d", "mahmud"),
        # Mehdi / Mahdi
        (r"m[ae]hdi", "mahdi"),
        # Reza / Riza / Raza in compounds (Alireza) only where unambiguous
        (r"r[ie]za", "reza"),
        # Saeed / Said / Saeid / Sa'id / Saied
        (r"sa(?:ee|ei|ie|i)d", "said"),
        # Hasan / Hassan
        (r"has{1,2}an", "hasan"),
        # Qasem / Ghasem / Kasem; Qassem
        (r"(?:q|gh)as{1,2}em", "ghasem"),
    )
]

# Letter-level folding after the known parts: vowel spellings and doubled letters.
_LETTER_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ou|oo|o", "u"),
        (r"ee", "i"),
        (r"w", "v"),
        (r"q", "gh"),
        (r"([a-z])\1+", r"\1"),
        (r"(?<=[aeiu])y(?=[aeiu])", "i"),
    )
]


def normalize_name(name: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: "Yar-Ahmadi, Dr." -> "yar ahmadi dr".

    Arabic-script letters are folded to their Persian forms (ي -> ی, ك -> ک) and zero-width
    joiners removed, so a name typed on an Arabic or a Persian keyboard normalizes the same.
    """
    folded = unicodedata.normalize("NFKC", name or "").translate(_SCRIPT_FOLD)
    decomposed = unicodedata.normalize("NFKD", folded)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # NFKD splits آ and إ into a base letter and a mark; put the script folding back on top.
    without_marks = unicodedata.normalize("NFC", without_marks).translate(_SCRIPT_FOLD)
    cleaned = _PUNCTUATION.sub(" ", without_marks.casefold().replace("_", " "))
    return _SPACES.sub(" ", cleaned).strip()


def strip_honorifics(words: list[str]) -> list[str]:
    """Drop leading titles and ranks and trailing suffixes, keeping at least one word."""
    start = 0
    while start < len(words) - 1 and words[start] in HONORIFICS:
        start += 1
    end = len(words)
    while end - 1 > start and (words[end - 1] in SUFFIXES or words[end - 1] in HONORIFICS):
        end -= 1
    return words[start:end]


def fold_word(word: str) -> str:
    """One word's transliteration-folded spelling: "Pirhoshein" -> "pirhusain"."""
    if not word.isascii():
        return word
    for pattern, replacement in _VARIANT_PARTS:
        word = pattern.sub(replacement, word)
    for pattern, replacement in _LETTER_RULES:
        word = pattern.sub(replacement, word)
    return word


def name_key(name: str, *, honorifics: bool = True) -> str:
    """The comparison key of a name: equal keys mean the same name.

    ``honorifics=False`` keeps leading words such as "General" (for organization and event
    names: "General Assembly"); people's names drop them.
    """
    words = normalize_name(name).split()
    if honorifics:
        words = strip_honorifics(words)
    return "".join(fold_word(word) for word in words)


def is_acronym(text: str) -> bool:
    """ "ICRC", "IRCS", "UNHCR": matched case-sensitively and as whole words only."""
    letters = text.replace(".", "").replace("&", "")
    return (
        2 <= len(letters) <= 12
        and letters.isalnum()
        and letters.upper() == letters
        and any(ch.isalpha() for ch in letters)
    )


# Word endings written several ways for one Persian sound: Rezaei / Rezaee / Rezayi / Rezaie,
# Mousavi / Musavi (already folded), Eynollahi / Einollahi. Applied after :func:`fold_word`. The
# bare final -e is *not* folded into -i: Zare and Zarei are two different family names.
_LOOSE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ey", "ei"),
        (r"(?:ei|ie|ii|iy|ai(?=i))$", "i"),
        (r"aii?$", "ai"),
        (r"dj", "j"),
        (r"ph", "f"),
        (r"zh", "j"),
        (r"(?<=[aeiu])h$", ""),  # Jafarzadeh / Jafarzade
        (r"(?<=[a-z])y$", "i"),  # Rostamy / Rostami
        (r"i{2,}", "i"),  # Shafiei / Shafiee ("shafii" / "shafi")
    )
]


def loose_word(word: str) -> str:
    """A word's spelling with the variant endings folded too: "Rezaee", "Rezaei" -> "rezai"."""
    word = fold_word(word)
    if not word.isascii():
        return word
    for pattern, replacement in _LOOSE_RULES:
        word = pattern.sub(replacement, word)
    return word


def name_words(name: str, *, honorifics: bool = True) -> list[str]:
    """The normalized words of a name, honorifics and ranks dropped (for people)."""
    words = normalize_name(name).split()
    return strip_honorifics(words) if honorifics else words


def spelling_key(name: str, *, honorifics: bool = True) -> str:
    """Looser than :func:`name_key`: the variant word endings folded as well (-ee/-ei/-ey, -eh).

    Used to *find* a known record for a variant spelling; the strict key stays the identity rule.
    """
    joined = "".join(loose_word(word) for word in name_words(name, honorifics=honorifics))
    # "Jalal ed-Din" / "Jalaleddin": a letter doubled where two written words meet is one letter.
    return _DOUBLED.sub(r"\1", joined)


_DOUBLED = re.compile(r"([a-z])\1+")


#: Two words this alike (RapidFuzz ratio, 0-100) can be one word misspelt, when both are long.
WORD_TYPO = 90
#: ... and at least this long: short words differ in one letter and are different names (Zare/Zarei).
WORD_TYPO_MIN_LENGTH = 7


def spelling_variant(first: str, second: str, *, honorifics: bool = True) -> str | None:
    """Why ``second`` may be a spelling of the name ``first`` (a short reason), or None.

    "same name" when the strict keys agree; "variant spelling" when the loose keys agree
    (Rezaee / Rezaei, Mohammadhassan / Mohammad-Hassan); "close spelling" when, word by word,
    every word is equal or a long word differs by a typo (RapidFuzz). Never for words that differ
    in a short ending: Zare is not Zarei, Ahmad is not Ahmadi.
    """
    from rapidfuzz import fuzz

    if not first or not second:
        return None
    if name_key(first, honorifics=honorifics) == name_key(second, honorifics=honorifics):
        return "same name"
    if spelling_key(first, honorifics=honorifics) == spelling_key(second, honorifics=honorifics):
        return "variant spelling"
    words_a = [loose_word(w) for w in name_words(first, honorifics=honorifics)]
    words_b = [loose_word(w) for w in name_words(second, honorifics=honorifics)]
    if len(words_a) != len(words_b) or not words_a:
        return None
    typos = 0
    for a, b in zip(words_a, words_b, strict=True):
        if a == b:
            continue
        if (
            min(len(a), len(b)) >= WORD_TYPO_MIN_LENGTH
            and a[0] == b[0]
            and fuzz.ratio(a, b) >= WORD_TYPO
            and not (a.startswith(b) or b.startswith(a))
        ):
            typos += 1
            continue
        return None
    return "close spelling" if typos == 1 else None


def split_honorifics(name: str) -> tuple[str, str]:
    """("Dr.", "Leila Moradi") from "Dr. Leila Moradi": the leading titles and the name itself."""
    words = name.split()
    start = 0
    while start < len(words) - 1 and normalize_name(words[start]) in HONORIFICS:
        start += 1
    return " ".join(words[:start]), " ".join(words[start:])


@cache
def _given_names():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


_NOT_GIVEN_NAMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "red",
        "hope",
        "grace",
        "faith",
        "joy",
    ]
)


def is_given_name(word: str) -> bool:
    """A word known as a first name in some country (gender-guesser's list): "Vahid", "Leila"."""
    plain = normalize_name(word)
    if not plain or " " in plain or plain in _NOT_GIVEN_NAMES:
        return False
    return _given_names().get_gender(plain.capitalize()) != "unknown"
