"""A news page copied from a website as plain text becomes one clean, credited article."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.io.plaintext import parse_news_page
from articles.models import Article
from organizations.models import OrganizationAlias
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db

PAGE = Path(__file__).resolve().parents[2] / "fixtures" / "news_page_tabriz_shelters.txt"
HEADLINE = "Red Crescent opens winter shelters in Tabriz as nights fall below freezing"


@pytest.fixture
def newsroom():
    OrganizationFactory(slug="irna", name="Islamic Republic News Agency", acronym="IRNA")
    PersonFactory(slug="mina-shirazi", name="Mina Shirazi")


def imported(capsys) -> Article:
    call_command("import_articles", str(PAGE))
    return Article.objects.get()


def test_headline_is_found_once_and_its_repetition_dropped(newsroom, capsys):
    article = imported(capsys)
    assert article.headline == HEADLINE
    assert article.slug == "red-crescent-opens-winter-shelters-in-tabriz-as-nights-fall-below-freezing"
    assert HEADLINE not in article.body
    assert "10:42" not in article.body  # the date line under the headline is not the story
    assert article.status == Article.Status.DRAFT


def test_short_unpunctuated_lines_become_subheadings_and_bullets_a_list(newsroom, capsys):
    body = imported(capsys).body
    assert "<h2>What the shelters offer</h2>" in body
    assert "<h2>Volunteers wanted</h2>" in body
    for item in ("a bed, two blankets", "a nurse on duty", "showers and a place", "free calls to family"):
        assert f"<li>{item}" in body
    assert body.count("<ul>") == 1
    assert "<p>TABRIZ – The East Azarbaijan branch" in body


def test_quoted_statements_stay_quotes(newsroom, capsys):
    body = imported(capsys).body
    assert "<blockquote><p>“Nobody in this city should have to spend a night like this outside." in body
    assert "“We have beds and blankets; what we need most is people,” Hosseinzadeh said." in body


def test_trailing_teasers_are_dropped_and_never_become_articles(newsroom, capsys):
    article = imported(capsys)
    assert Article.objects.count() == 1
    assert "Similar Posts" not in article.body
    assert "stranded by snow" not in article.body
    assert "Read more" not in article.body


def test_credit_to_a_known_outlet_becomes_the_source_credit(newsroom, capsys):
    article = imported(capsys)
    assert article.source_organization.slug == "irna"
    assert "source credit: IRNA" in capsys.readouterr().out


def test_credit_matches_an_alias_of_the_outlet(capsys):
    org = OrganizationFactory(slug="irna", name="Islamic Republic News Agency", acronym="")
    OrganizationAlias.objects.create(organization=org, name="IRNA")
    assert imported(capsys).source_organization == org


def test_credit_to_an_unknown_outlet_sets_no_source(capsys):
    article = imported(capsys)
    assert article.source_organization is None
    assert "'IRNA' is not a known organization" in capsys.readouterr().out


def test_byline_and_tags_lines_are_read_not_printed(newsroom, capsys):
    article = imported(capsys)
    assert [b.person.slug for b in article.bylines.all()] == ["mina-shirazi"]
    assert sorted(article.tags.names()) == ["Tabriz", "shelters", "winter"]
    assert "By Mina Shirazi" not in article.body
    assert "Tags:" not in article.body


def test_publish_option_goes_through_the_publish_gate(newsroom, capsys, tmp_path):
    # Without its "By" line the page has no byline: the workflow's gate refuses to publish it, with
    # the gate's own words, and the run writes nothing.
    unsigned = tmp_path / "unsigned.txt"
    unsigned.write_text(PAGE.read_text("utf-8").replace("By Mina Shirazi\n", ""), "utf-8")
    with pytest.raises(CommandError) as failure:
        call_command("import_articles", str(unsigned), "--publish", stderr=StringIO())
    assert f"{unsigned}:1: publish: There is no byline." in str(failure.value)
    assert not Article.objects.exists()
    # The page as copied has a byline and a standfirst derived from its lead: it passes the gate.
    call_command("import_articles", str(PAGE), "--publish", stdout=StringIO())
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED and article.dek and article.dek_is_derived


@pytest.mark.parametrize("marker", ["Related", "You may also like", "Read more:", "RELATED POSTS"])
def test_every_teaser_heading_ends_the_story(marker):
    page = parse_news_page(
        f"Headline here\n\nThe story, in one sentence.\n\n{marker}\nTeaser one\nTeaser two\n"
    )
    assert page.body == "<p>The story, in one sentence.</p>"
    assert page.teasers_dropped == 2


def test_hard_wrapped_paragraph_is_mended_and_numbered_lines_become_an_ordered_list():
    page = parse_news_page(
        "Headline\n\nA long sentence that the copy from the website broke in the middle of a line because\n"
        "the window was narrow, and it goes on.\n\n1. first step\n2. second step\n\nThe end of the story.\n"
    )
    assert (
        "<p>A long sentence that the copy from the website broke in the middle of a line because the window"
        in page.body
    )
    assert "<ol><li>first step</li><li>second step</li></ol>" in page.body


@pytest.fixture
def named_entities(newsroom):
    PersonFactory(slug="parisa-hosseinzadeh", name="Parisa Hosseinzadeh")
    return OrganizationFactory(slug="ircs", name="Iranian Red Crescent Society", acronym="IRCS")


def test_entities_named_in_the_page_are_listed_but_not_linked_without_link(named_entities, capsys):
    article = imported(capsys)
    out = capsys.readouterr().out
    assert "named in the text, not linked: organization “Iranian Red Crescent Society”" in out
    assert not article.organization_links.exists()
    # The one person linked is the one quoted: a quote always names its speaker.
    assert [(link.person.slug, link.role) for link in article.person_links.all()] == [
        ("parisa-hosseinzadeh", "quoted")
    ]


def test_link_option_links_the_named_entities_with_their_prominence(named_entities, capsys):
    call_command("import_articles", str(PAGE), "--link")
    article = Article.objects.get()
    # She speaks in the story; the society is in the lead: subjects, not passing mentions.
    assert [(link.person.slug, link.role) for link in article.person_links.all()] == [
        ("parisa-hosseinzadeh", "quoted")
    ]
    links = [(link.organization.slug, link.role) for link in article.organization_links.all()]
    assert ("ircs", "about") in links  # the story's subject, by prominence
    assert "irna" not in [slug for slug, _role in links]  # the credited source is not also a mention
    assert "linked: organization “Iranian Red Crescent Society”" in capsys.readouterr().out


def test_imported_page_is_a_draft_no_reader_can_see(newsroom, client, capsys):
    article = imported(capsys)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.headline not in client.get("/").text


def test_a_placeholder_page_is_never_published(newsroom, tmp_path):
    page = tmp_path / "stub.txt"
    page.write_text("Minister to visit Tabriz\n\nThis article will be expanded soon.\n", "utf-8")
    with pytest.raises(CommandError) as failure:
        call_command("import_articles", str(page), "--publish", stderr=StringIO())
    assert f"{page}:1: publish: The article is a stub:" in str(failure.value)
    assert not Article.objects.exists()


def test_page_furniture_is_dropped_and_a_dateline_credit_is_read(newsroom):
    from articles.io.plaintext import find_credited_organization

    page = parse_news_page(
        "Volunteers clear snow from mountain road\n"
        "News ID: 85123456\n"
        "Nov 21, 2026, 10:42 AM\n"
        "Tabriz, IRNA – Volunteers cleared the road to three villages on Saturday.\n"
        "Share this article\n"
        "Follow us on Twitter @NewsroomWire\n"
    )
    assert page.body == "<p>Tabriz, IRNA – Volunteers cleared the road to three villages on Saturday.</p>"
    assert find_credited_organization(page.credits) == ("irna", "IRNA")


def test_an_outlet_that_reported_is_a_credit(newsroom):
    from articles.io.plaintext import find_credited_organization

    page = parse_news_page("Headline\n\nThe road reopened on Sunday, IRNA reported.\n")
    assert find_credited_organization(page.credits)[0] == "irna"
    page = parse_news_page("Headline\n\nThe road reopened on Sunday.\nSource: Islamic Republic News Agency\n")
    assert page.body == "<p>The road reopened on Sunday.</p>"
    assert find_credited_organization(page.credits)[0] == "irna"


WIRE = Path(__file__).resolve().parents[2] / "fixtures" / "wire"


@pytest.mark.parametrize(
    "block",
    [
        "More on this story\nAftershocks rattle Rabor for a second night\nKerman appeals for blood donors\n",
        "You might also be interested in\nRed Crescent opens winter shelters in Tabriz\n"
        "IFRC and IRCS sign cooperation plan for 2027\n",
        "Latest from the region\nRed Crescent teams rescue 40 travellers\n21 November 2026\n"
        "Blood donations in Tabriz rise by a fifth\n20 November 2026\nRead more\n",
        "Similar Posts\n• Golestan farmers count losses after spring floods\n"
        "• Red Crescent trains 500 new rescuers in Mazandaran\n",
    ],
    ids=["more-on-this-story", "you-might-also", "unknown-heading-with-dates", "bulleted"],
)
def test_a_trailing_teaser_block_is_recognised_by_its_shape(block):
    page = parse_news_page(f"Headline here\n\nThe story, in one sentence.\n\n{block}")
    assert page.body == "<p>The story, in one sentence.</p>"
    assert page.teasers_dropped >= 2


def test_a_last_subheading_with_its_paragraph_or_list_is_story_not_teasers():
    page = parse_news_page(
        "Headline here\n\nThe story, in one sentence.\n\nWhat the shelters offer\n"
        "• a bed and two blankets\n• a hot meal every evening\n\nHow to help\n"
        "Call the helpline on 147 from any phone.\n"
    )
    assert page.teasers_dropped == 0
    assert "<h2>How to help</h2>" in page.body
    assert "<li>a hot meal every evening</li>" in page.body


@pytest.fixture
def wire_newsroom():
    call_command("import_entities", str(WIRE / "entities.jsonl"), verbosity=0)


def test_a_page_without_standfirst_gets_one_from_its_lead_marked_derived(wire_newsroom, capsys):
    call_command("import_articles", str(WIRE / "06-tabriz-shelters.txt"))
    article = Article.objects.get()
    assert article.dek.startswith("The East Azarbaijan branch of the Iranian Red Crescent Society opened")
    assert "as reported by IRNA" not in article.dek
    assert article.dek_is_derived

    article.dek = "Three shelters open as Tabriz nights fall to minus nine."
    article.save()
    article.refresh_from_db()
    assert not article.dek_is_derived  # the editor's own words now


def test_the_credited_outlet_is_the_source_and_not_also_a_mention(wire_newsroom, capsys):
    call_command("import_articles", str(WIRE / "02-ifrc-appeal.txt"), "--link")
    article = Article.objects.get()
    assert article.source_organization.slug == "mehr"
    linked = {link.organization.slug for link in article.organization_links.all()}
    assert "mehr" not in linked
    assert {"ifrc", "ircs"} <= linked


def test_a_wire_import_with_a_desk_byline_passes_the_publish_gate(wire_newsroom, client, capsys):
    from articles.workflow.services import article_publish_problems

    call_command("import_articles", str(WIRE / "01-golestan-flood.txt"), "--publish", "--author", "wire-desk")
    article = Article.objects.get()
    assert article_publish_problems(article) == []
    assert client.get(article.get_absolute_url()).status_code == 200


def test_quotes_of_known_people_are_attached_and_the_others_counted(wire_newsroom, capsys):
    call_command("import_articles", str(WIRE / "05-khorramabad-hospital.txt"))
    article = Article.objects.get()
    assert [(q.speaker.slug, q.text[:20]) for q in article.quotes.all()] == [
        ("hossein-yarahmadi", "Until today, patient"),
        ("hossein-yarahmadi", "We finished two mont"),
    ]
    assert article.person_links.get().role == "quoted"
    out = capsys.readouterr().out
    assert "quotes: 2 attached to their speakers, 2 not attached" in out
    assert "quote not attached: 'Farhad Bakhtiari' (not in the directory) ×2" in out


def test_a_published_wire_page_keeps_the_time_of_its_date_line(newsroom, tmp_path):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from django.conf import settings
    from django.utils import timezone

    body = "TABRIZ – Volunteers cleared the road to three villages on Saturday. " * 12
    pages = {
        "dated.txt": f"Road reopens\nSaturday, 21 November 2026 - 10:42\n\n{body}\n",
        "gmt.txt": f"Pass reopens\nNov 22, 2026, 08:40 AM GMT\n\n{body}\n",
        "iso.txt": f"Bridge reopens\n2026-11-05\n\n{body}\n",
        "undated.txt": f"Tunnel reopens\n\n{body}\n",
        "future.txt": f"Airport reopens\n{(timezone.now() + timedelta(days=3)):%d %B %Y}\n\n{body}\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text)
    before = timezone.now()
    call_command(
        "import_articles",
        *(str(tmp_path / name) for name in pages),
        "--publish",
        "--author",
        "mina-shirazi",
        stdout=StringIO(),
    )
    newsroom_zone = ZoneInfo(settings.TIME_ZONE)
    times = dict(Article.objects.values_list("headline", "published_at"))
    assert times["Road reopens"] == datetime(2026, 11, 21, 10, 42, tzinfo=newsroom_zone)
    assert times["Pass reopens"] == datetime(2026, 11, 22, 8, 40, tzinfo=ZoneInfo("UTC"))
    assert times["Bridge reopens"] == datetime(2026, 11, 5, tzinfo=newsroom_zone)  # not 11 May
    assert times["Tunnel reopens"] >= before  # no date line: published now
    assert times["Airport reopens"] >= before  # a date still to come is not a publish time
    assert all(a.first_published_at == a.published_at for a in Article.objects.all())
