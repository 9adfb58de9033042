"""Related stories over the weeks of one case: a story held back by the time rule alone is related
when one of the story's relatives is related to it (articles/related/scoring.py: the chain).

A dairy found adulterating milk powder, the trial of its owner 25 days later and the verdict 15
days after that: the verdict, 40 days after the dairy was sealed, lifts well above the background
of the first story but not the four times MIN_LIFT the time rule asks of a story six weeks away;
the trial, related to both, carries it. A story on the same beat (inspectors sealing shops that
dyed saffron) weeks later shares the beat's words with the first story and is a relative of none
of its relatives: it stays out.

Sixteen stories on other beats give every story the background its lift is measured against.
"""

import pytest

from articles.related import scoring
from articles.related.scoring import related_rebuild_all
from articles.related.terms import pair_similarity
from tests.articles.test_related_support import BEAT
from tests.articles.test_related_time import beats  # noqa: F401 (the background stories)
from tests.articles.test_related_v2 import listed, wire

pytestmark = pytest.mark.django_db

SEALED = (
    "Inspectors seal Qazvin dairy that mixed detergent into milk powder",
    "Food inspectors sealed the Sahar Shir dairy in Qazvin after finding detergent and whey in 60 tonnes "
    "of milk powder it had sold to bakeries and confectioners, the provincial food and drug office said. "
    "The owner, Behrouz Tavakoli, was summoned by the prosecutor, and the powder still in the dairy's "
    "store was taken for tests.",
)
TRIAL = (
    "Trial opens of Qazvin dairy owner accused of adulterating milk powder",
    "Behrouz Tavakoli, owner of the Sahar Shir dairy in Qazvin, went on trial accused of mixing detergent "
    "and whey into 60 tonnes of milk powder; the prosecutor told the court the powder was sold to bakeries "
    "and confectioners in three provinces. Tavakoli said a supplier had sold him the whey as pure, and the "
    "judge adjourned the trial for two weeks.",
)
VERDICT = (
    "Sahar Shir owner jailed for eight years over tainted powder",
    "A Qazvin court jailed Behrouz Tavakoli for eight years and fined him twice the price of the milk "
    "powder he adulterated; the Sahar Shir licence was cancelled. His lawyer said the court had refused "
    "to hear the supplier and that Tavakoli would appeal to the Supreme Court.",
)
# The same beat, another case: inspectors, sealed shops, the food and drug office, the prosecutor.
SAFFRON = (
    "Mashhad inspectors close shops selling dyed saffron",
    "Food inspectors closed eleven shops in Mashhad's Reza bazaar that sold saffron dyed with safflower "
    "and turmeric to confectioners and tourists; the provincial food and drug office said 200 kilograms "
    "were seized, and told buyers to look for the sealed tin of a registered packer.",
)


@pytest.fixture
def case(beats):  # noqa: F811 (the fixture imported above)
    sealed = wire(SEALED[0], SEALED[1] + BEAT, days_ago=45)
    trial = wire(TRIAL[0], TRIAL[1] + BEAT, days_ago=20)
    verdict = wire(VERDICT[0], VERDICT[1] + BEAT, days_ago=5)
    return sealed, trial, verdict


def test_a_case_reported_over_six_weeks_is_one_list_through_its_trial(case):
    sealed, trial, verdict = case
    related_rebuild_all()
    # The trial is related to both on its own (25 and 15 days apart)...
    assert set(listed(trial)) == {sealed, verdict}
    # ...and carries the verdict, 40 days after the dairy was sealed, into the first story's list,
    # and the first story into the verdict's.
    assert set(listed(sealed)) == {trial, verdict}
    assert set(listed(verdict)) == {trial, sealed}


def test_a_story_on_the_same_beat_weeks_later_stays_out_of_the_case(case):
    sealed, trial, verdict = case
    saffron = wire(SAFFRON[0], SAFFRON[1] + BEAT, days_ago=3)
    related_rebuild_all()
    for story in (sealed, trial, verdict):
        assert saffron not in listed(story)
    assert set(listed(sealed)) == {trial, verdict}
    assert listed(saffron) == []

    # Alike enough to the first story to be related in the same weeks, whatever the background:
    # what keeps it out is the time rule, and that no relative of the case carries it.
    alike = pair_similarity([(sealed.pk, saffron.pk)])[(sealed.pk, saffron.pk)]
    assert alike >= scoring.MIN_LIFT * scoring.BACKGROUND_BOUNDS[1]
