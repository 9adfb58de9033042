"""Related stories and time: a story on the same beat weeks later is not the same story, however
alike the wording of the beat; a follow-up on the same event months on still is.

The stories carry real, distinct wire texts; sixteen stories on other beats give each story the
background its lift is measured against (articles/related/scoring.py: EVENT_DAYS, EXTRA_LIFT_DAYS).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.related.scoring import related_rebuild_all
from tests.articles.test_related_v2 import OTHER, listed, wire

pytestmark = pytest.mark.django_db

MORE_BEATS = [
    "The provincial football league final in Tabriz ended in a penalty shoot-out after a goalless draw "
    "watched by 18,000 fans.",
    "Customs officers at Bandar Abbas seized 40 containers of smuggled tyres declared as spare parts.",
    "A new metro line in Mashhad carried 60,000 passengers on its first weekday between the shrine "
    "and the airport.",
    "Wheat farmers in Golestan sold 900,000 tonnes to the state buyer at the guaranteed price.",
    "The central bank raised the reserve requirement for private lenders by one point.",
    "Archaeologists in Shahr-e Sukhteh uncovered a potter's kiln and 300 painted bowls.",
    "A wildfire in the Zagros oak forests near Khaeez burned 120 hectares before firefighters contained it.",
    "The national orchestra performed a programme of Persian classical songs at Vahdat Hall.",
    "Truck drivers on the Bazargan border crossing waited three days for Turkish customs clearance.",
    "Saffron growers in Torbat-e Heydarieh said the harvest fell by a fifth after a dry autumn.",
    "A chess prodigy from Karaj won the Asian under-14 championship in Almaty.",
]

OUTBREAK = (
    "Dengue fever cases in Bushehr province rose to 74 as Aedes mosquitoes spread from the port districts "
    "of Bushehr city to Dashtestan and Genaveh; health teams sprayed larvicide in water tanks, and "
    "Dr. Mahnaz Sadeghi of the Bushehr University of Medical Sciences said the Aedes mosquito breeds in "
    "clean standing water in Bushehr households."
)
GLOBAL_REPORT = (
    "Dengue fever reached a record five million cases worldwide last year, the World Health Organization "
    "said in Geneva, as the Aedes mosquito spread to Europe and higher ground in Latin America; it asked "
    "governments to fund vaccines and mosquito control before the rainy season."
)
FOLLOW_UP = (
    "A year after the dengue outbreak in Bushehr province, Dr. Mahnaz Sadeghi of the Bushehr University "
    "of Medical Sciences said Aedes mosquitoes were still found in water tanks in Dashtestan and Genaveh, "
    "and Bushehr health teams now inspect the port districts of Bushehr city every week."
)


# Words of every beat: each other story uses three of them, as unrelated wire stories share a few
# ordinary words with any given story (what its background similarity measures).
COMMON = ["province", "health", "teams", "water", "cases", "city", "port", "households", "spread", "rose"]


@pytest.fixture
def beats():
    for i, text in enumerate(OTHER + MORE_BEATS):
        words = [COMMON[i % 10], COMMON[(i + 3) % 10], COMMON[(i + 7) % 10]]
        extra = f" Officials said the {words[0]} and {words[1]} figures for the {words[2]} come next week."
        wire(f"Another beat {i}", text + extra, days_ago=2 + i * 9)
    return wire("Dengue cases rise in Bushehr", OUTBREAK, days_ago=1)


def _move(article: Article, days_ago: float) -> None:
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(days=days_ago))


def test_the_same_beat_is_related_within_the_weeks_of_an_event_and_not_a_month_and_a_half_later(beats):
    outbreak = beats
    report = wire("WHO: dengue cases at a record worldwide", GLOBAL_REPORT, days_ago=3)
    related_rebuild_all()
    assert report in listed(outbreak)  # two days apart: the reader is following dengue this week

    _move(report, days_ago=45)
    related_rebuild_all()
    assert report not in listed(outbreak)


def test_a_follow_up_on_the_same_event_months_later_is_still_related(beats):
    outbreak = beats
    follow_up = wire("A year on, Bushehr still fights the Aedes mosquito", FOLLOW_UP, days_ago=1)
    _move(follow_up, days_ago=0.5)
    _move(outbreak, days_ago=200)
    related_rebuild_all()
    assert listed(Article.objects.get(pk=follow_up.pk)) == [Article.objects.get(pk=outbreak.pk)]


def test_the_paragraph_every_story_ends_with_relates_nothing(beats):
    related_rebuild_all()
    assert listed(beats) == []
