"""Related stories judged beside the story's other relatives (articles/related/scoring.py:
SUPPORT_LIFT, VOUCHERS, LEADERS, RELATIVE_FLOOR and the roundup rule).

- one story of an event told from another side, sharing little wording with the story at hand but
  much with the event's other stories, is listed: two of the story's relatives vouch for it;
- a roundup (a year of awards naming a quake team and an eye camp) shows its best candidate only;
- stories about one specific subject, whatever their wording, are not taken for a roundup.

Sixteen stories on other beats give every story the background its lift is measured against.
"""

import pytest

from articles.related import scoring
from articles.related.scoring import related_rebuild_all
from articles.related.terms import pair_similarity
from tests.articles.test_related_time import beats  # noqa: F401 (the background stories)
from tests.articles.test_related_v2 import listed, wire
from tests.factories import ArticleEventFactory, ArticlePersonFactory, EventFactory, PersonFactory

pytestmark = pytest.mark.django_db

WEDDING = [
    (
        "Forty guests of a Birjand wedding in hospital with food poisoning",
        "Forty guests of a wedding in Birjand were taken to Vali-Asr hospital with vomiting and fever "
        "after the dinner, South Khorasan health officials said; salmonella was found in the chicken "
        "and rice the caterer had served to the wedding guests.",
    ),
    (
        "Birjand caterer's kitchen sealed after wedding poisoning",
        "Health inspectors sealed the kitchen of the Birjand caterer that cooked the wedding dinner; "
        "salmonella was found in the chicken, and the caterer had kept the rice and chicken in a van "
        "without a fridge for six hours before the wedding guests were served.",
    ),
    (
        "Birjand wedding guests leave hospital as caterer faces court",
        "Thirty-one of the wedding guests poisoned in Birjand left Vali-Asr hospital, and the caterer "
        "whose chicken carried salmonella will face a court; inspectors said the van that carried the "
        "wedding dinner had no fridge.",
    ),
]
# The words of every beat (tests/articles/test_related_time.py), so the background is measured.
BEAT = " Health teams in the city and the province checked water in households as cases rose."

# The same wedding from the kitchen's street: the caterer's van, fridge and inspectors (the
# kitchen stories' words), hardly the hospital's.
KITCHEN_STREET = (
    "Birjand caterer sealed: the street behind the kitchen",
    "On the street behind the sealed kitchen, neighbours of the caterer said the van stood in the sun "
    "every afternoon and the fridge had been broken since spring; inspectors came twice in a year, "
    "and once more this week, "
    "cooks said, and the caterer's sons still load the van with pots at dawn. A baker two "
    "doors down said his trade had halved since the seal went on the door.",
)
# A ministry's awards naming the kitchen inspectors of the wedding and the dengue teams of Bushehr.
AWARDS = (
    "Health ministry honours its inspectors and field teams of the year",
    "The health ministry honoured the Birjand inspectors who sealed the caterer's kitchen after the "
    "wedding poisoning, where salmonella was found in the chicken, and the Bushehr teams who sprayed "
    "larvicide against the Aedes mosquito in the dengue fever outbreak in Dashtestan and Genaveh.",
)


@pytest.fixture
def wedding(beats):  # noqa: F811 (the fixture imported above)
    stories = [wire(h, t + BEAT, days_ago=3 - i * 0.5) for i, (h, t) in enumerate(WEDDING)]
    street = wire(KITCHEN_STREET[0], KITCHEN_STREET[1] + BEAT, days_ago=1)
    return stories, street


def test_a_story_of_the_event_told_from_another_side_is_vouched_for_by_its_other_stories(
    wedding, monkeypatch
):
    (hospital, kitchen, court), street = wedding
    related_rebuild_all()
    # Alone, the street shares too little wording with the hospital story to be related...
    assert pair_similarity([(hospital.pk, street.pk)])[(hospital.pk, street.pk)] < scoring.RELEVANCE_FLOOR
    # ...but the kitchen and court stories, the hospital story's relatives, are both like it.
    assert listed(hospital) == [court, kitchen, street]

    monkeypatch.setattr(scoring, "VOUCHERS", scoring.LEADERS + 1)  # nobody can vouch
    related_rebuild_all()
    assert street not in listed(hospital)


def test_a_roundup_of_several_events_shows_its_best_candidate_only(beats):  # noqa: F811
    outbreak = beats
    hospital, kitchen, court = [wire(h, t, days_ago=3 - i * 0.5) for i, (h, t) in enumerate(WEDDING)]
    awards = wire(*AWARDS, days_ago=1)
    related_rebuild_all()
    # The awards share the wording of both events, each a part of the story...
    alike = pair_similarity([(awards.pk, kitchen.pk), (awards.pk, outbreak.pk)])
    assert min(alike.values()) >= scoring.RELEVANCE_FLOOR
    # ...whose stories have nothing to do with each other: one relative, not a list of both.
    shown = listed(awards)
    assert len(shown) == 1 and shown[0] in {hospital, kitchen, court, outbreak}


def test_stories_about_one_specific_subject_are_not_taken_for_a_roundup(beats):  # noqa: F811
    kashani = PersonFactory(name="Parvaneh Kashani")
    festival = EventFactory(name="Qamsar rosewater festival")
    texts = [
        (
            "Kashani opens the Qamsar rosewater festival",
            "Parvaneh Kashani opened the Qamsar rosewater festival, where farmers distil rose petals in "
            "copper stills and a perfume maker from Lyon has come to buy.",
        ),
        (
            "A lecture on the old copper stills",
            "The director lectured on the copper stills her grandfather built, and on how a still is "
            "soldered and tinned by hand.",
        ),
        (
            "French buyer signs for three tonnes of petals",
            "A perfume maker from Lyon will buy three tonnes of petals each May from the growers of the "
            "valley under a contract signed on Friday.",
        ),
    ]
    texts[0] = (texts[0][0], texts[0][1] + BEAT)  # (so the opening's background is measured)
    opening, lecture, contract = [wire(h, t, days_ago=2 - i * 0.5) for i, (h, t) in enumerate(texts)]
    for story in (opening, lecture, contract):
        ArticlePersonFactory(article=story, person=kashani, role="about")
        ArticleEventFactory(article=story, event=festival, role="about")
    related_rebuild_all()
    # The lecture and the contract share hardly a word with each other...
    assert pair_similarity([(lecture.pk, contract.pk)]).get((lecture.pk, contract.pk), 0) < 0.06
    # ...and both are about the festival and the person the opening is about.
    assert set(listed(opening)) == {lecture, contract}
