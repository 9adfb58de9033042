"""A small hand-built newsroom where a person would agree on the order of related stories.

The judgements (issue 5, item 4):
- two stories about the same meeting rank above a story that shares only a tag;
- a story about the same person ranks above one that only mentions the same large organization;
- a stub, a draft, a scheduled story and an unpublished one are never listed;
- a near-duplicate (same headline) is never listed; a story older than the maximum age neither;
- editors' pins come first, their exclusions never appear.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, RelatedOverride
from articles.related.reasons import attach_reasons
from articles.related.scoring import compute_related, related_rebuild
from tests.factories import (
    ArticleEventFactory,
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def story(headline, *, days_ago=1, tags=(), section=None, **kwargs):
    extra = {"section": section} if section else {}
    return ArticleFactory(
        headline=headline,
        published_at=timezone.now() - timedelta(days=days_ago),
        tags=list(tags),
        **extra,
        **kwargs,
    )


@pytest.fixture
def newsroom():
    """Twenty filler stories all mention the ICRC, so the ICRC is a large, common organization."""
    icrc = OrganizationFactory(name="International Committee of the Red Cross", acronym="ICRC")
    kolivand = PersonFactory(name="Pirhossein Kolivand")
    meeting = EventFactory(name="Kermanshah coordination meeting")
    culture = SectionFactory(slug="culture", name="Culture")
    for i in range(20):
        filler = story(f"Filler story {i} on relief work", days_ago=2 + i, section=culture)
        ArticleOrganizationFactory(article=filler, organization=icrc, role="mentions")

    main = story("Kermanshah meeting agrees on winter shelter plan", tags=["kermanshah-earthquake"])
    ArticleEventFactory(article=main, event=meeting)
    ArticlePersonFactory(article=main, person=kolivand, role="about")
    ArticleOrganizationFactory(article=main, organization=icrc, role="mentions")

    same_meeting_a = story("Delegates at Kermanshah meeting hear from villagers", days_ago=3)
    ArticleEventFactory(article=same_meeting_a, event=meeting)
    same_meeting_b = story("What the Kermanshah meeting decided on schools", days_ago=4)
    ArticleEventFactory(article=same_meeting_b, event=meeting)
    only_tag = story(
        "Earthquake survivors plant a memorial garden", tags=["kermanshah-earthquake"], days_ago=2
    )
    same_person = story("Kolivand visits a field hospital", days_ago=5, section=culture)
    ArticlePersonFactory(article=same_person, person=kolivand, role="about")
    only_org = story("ICRC publishes annual report", days_ago=1)
    ArticleOrganizationFactory(article=only_org, organization=icrc, role="about")
    return {
        "main": main,
        "meeting": meeting,
        "kolivand": kolivand,
        "same_meeting": [same_meeting_a, same_meeting_b],
        "only_tag": only_tag,
        "same_person": same_person,
        "only_org": only_org,
    }


def order(article):
    return [a.headline for a, _score, _reasons, _pinned in compute_related(article)]


def test_stories_about_the_same_meeting_rank_above_a_story_sharing_only_a_tag(newsroom):
    ranked = order(newsroom["main"])
    meeting_positions = [ranked.index(a.headline) for a in newsroom["same_meeting"]]
    assert max(meeting_positions) < ranked.index(newsroom["only_tag"].headline)


def test_a_story_about_the_same_person_ranks_above_one_only_naming_a_large_organization(newsroom):
    ranked = order(newsroom["main"])
    same_person = ranked.index(newsroom["same_person"].headline)
    assert newsroom["only_org"].headline not in ranked or same_person < ranked.index(
        newsroom["only_org"].headline
    )


def test_reasons_name_what_is_shared(newsroom):
    related_rebuild(article=newsroom["main"])
    rows = {e.related_id: e.reasons for e in attach_reasons(newsroom["main"].related_entries.all())}
    assert rows[newsroom["same_person"].pk][0] == "Also about Pirhossein Kolivand"
    assert "Same event: Kermanshah coordination meeting" in rows[newsroom["same_meeting"][0].pk]
    assert "Tagged kermanshah-earthquake" in rows[newsroom["only_tag"].pk]


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Article.Status.DRAFT, "published_at": None},
        {"status": Article.Status.SCHEDULED, "published_at": timezone.now() + timedelta(days=2)},
        {"status": Article.Status.UNPUBLISHED},
        {"body": "<p>This article will be expanded soon.</p>"},
        {
            "unpublish_at": timezone.now() - timedelta(minutes=1),
            "published_at": timezone.now() - timedelta(days=1),
        },
    ],
    ids=["draft", "scheduled", "unpublished", "stub", "expired"],
)
def test_nothing_unpublished_is_ever_listed(newsroom, hidden):
    values = {"headline": "Hidden story about the Kermanshah meeting", **hidden}
    values.setdefault("published_at", timezone.now() - timedelta(days=1))
    invisible = ArticleFactory(**values)
    ArticleEventFactory(article=invisible, event=newsroom["meeting"])
    ArticlePersonFactory(article=invisible, person=newsroom["kolivand"], role="about")
    assert invisible.headline not in order(newsroom["main"])


def test_same_headline_and_too_old_stories_are_never_listed(newsroom, settings):
    settings.NEWSROOM_RELATED_MAX_AGE_DAYS = 365
    twin = story(newsroom["main"].headline.upper(), days_ago=1)
    ArticleEventFactory(article=twin, event=newsroom["meeting"])
    ancient = story("Kermanshah meeting first planned years ago", days_ago=800)
    ArticleEventFactory(article=ancient, event=newsroom["meeting"])
    ranked = order(newsroom["main"])
    assert twin.headline not in ranked and ancient.headline not in ranked
    assert ranked  # the rest is still there


def test_recent_story_ranks_above_an_old_one_sharing_the_same(newsroom):
    recent = story("Kolivand thanks volunteers", days_ago=2)
    old = story("Kolivand appointed to the society", days_ago=700)
    for article in (recent, old):
        ArticlePersonFactory(article=article, person=newsroom["kolivand"], role="about")
    ranked = order(newsroom["main"])
    assert ranked.index(recent.headline) < ranked.index(old.headline)


def test_pins_come_first_and_exclusions_never_appear(newsroom):
    main = newsroom["main"]
    pinned = story("An unrelated culture story the editors want", days_ago=30)
    RelatedOverride.objects.create(article=main, related=pinned, kind="pin")
    RelatedOverride.objects.create(article=main, related=newsroom["same_meeting"][0], kind="exclude")
    related_rebuild(article=main)
    stored = attach_reasons(main.related_entries.select_related("related").order_by("rank"))
    assert (stored[0].related, stored[0].pinned) == (pinned, True)
    assert stored[0].reasons[0] == "Chosen by the editors"
    assert newsroom["same_meeting"][0] not in [e.related for e in stored]


def test_stored_related_posts_are_at_most_the_limit(newsroom, settings):
    settings.NEWSROOM_RELATED_LIMIT = 3
    assert related_rebuild(article=newsroom["main"]) == 3
