"""Bad import files: every problem named by file, line and field, and nothing from the run written."""

import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from organizations.models import Organization, Person
from tests.factories import STORY, ArticleFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


def article(slug, **extra):
    return {"type": "article", "slug": slug, "headline": f"Headline {slug}", "body": "<p>Text.</p>", **extra}


def write_lines(path, *records):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", "utf-8")
    return path


def run_import(command, *args):
    """Run a command that must fail; returns (CommandError message, everything on stderr)."""
    from io import StringIO

    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command(command, *map(str, args), stderr=err)
    return str(failure.value), err.getvalue()


def test_malformed_line_is_reported_with_line_number_and_nothing_is_written(tmp_path):
    path = write_lines(
        tmp_path / "a.jsonl", article("first"), '{"type": "article", "slug": ', article("third")
    )
    message, _ = run_import("import_articles", path)
    assert message.startswith(f"{path}:2: json: not valid JSON")
    assert "Nothing was imported (1 problem)." in message
    assert not Article.objects.exists()


def test_unknown_field_is_named(tmp_path):
    path = write_lines(tmp_path / "a.jsonl", article("first"), article("second", colour="red"))
    message, _ = run_import("import_articles", path)
    assert message.startswith(f"{path}:2: colour: unknown field")
    assert not Article.objects.exists()


def test_file_not_in_utf8_is_refused_with_the_line_of_the_first_bad_byte(tmp_path):
    path = tmp_path / "latin1.jsonl"
    lines = [json.dumps(article("first")), json.dumps(article("café"), ensure_ascii=False)]
    path.write_bytes("\n".join(lines).encode("latin-1"))
    message, _ = run_import("import_articles", path)
    assert message.startswith(f"{path}:2: encoding: byte 0xe9")
    assert "UTF-8" in message
    assert not Article.objects.exists()


def test_unknown_section_and_entities_are_each_reported(tmp_path):
    SectionFactory(slug="health", name="Health")
    path = write_lines(
        tmp_path / "a.jsonl",
        article("first", section="sport"),
        article("second", bylines=[{"person": "nobody", "role": "author"}], organizations=["no-such-org"]),
    )
    message, stderr = run_import("import_articles", path)
    everything = stderr + message
    assert f"{path}:1: section: no section 'sport' (sections: health)" in everything
    assert f"{path}:2: bylines[0].person: no person with the slug 'nobody'" in everything
    assert f"{path}:2: organizations: no organization with the slug 'no-such-org'" in everything
    assert message.endswith("Nothing was imported (3 problems).")
    assert not Article.objects.exists()


def test_existing_slug_needs_update_and_update_replaces_the_article(tmp_path):
    ArticleFactory(slug="taken", headline="Old headline")
    path = write_lines(tmp_path / "a.jsonl", article("new-one"), article("taken"))
    message, _ = run_import("import_articles", path)
    assert message.startswith(f"{path}:2: slug: an article 'taken' already exists; use --update")
    assert not Article.objects.filter(slug="new-one").exists()

    call_command("import_articles", str(path), "--update")
    assert Article.objects.get(slug="taken").headline == "Headline taken"
    assert Article.objects.filter(slug="new-one").exists()


def test_entity_file_with_a_dangling_reference_writes_nothing(tmp_path):
    path = write_lines(
        tmp_path / "e.jsonl",
        {"type": "organization", "slug": "ircs", "name": "Iranian Red Crescent Society"},
        {
            "type": "person",
            "slug": "a-b",
            "name": "A B",
            "affiliations": [{"organization": "who", "title": "x"}],
        },
    )
    message, _ = run_import("import_entities", path)
    assert message.startswith(f"{path}:2: affiliations[0].organization: no organization with the slug 'who'")
    assert not Organization.objects.exists()
    assert not Person.objects.exists()


def test_dry_run_lists_what_would_be_created_and_writes_nothing(tmp_path, capsys):
    path = write_lines(tmp_path / "a.jsonl", article("first"), article("second"))
    call_command("import_articles", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "would create first" in out
    assert "would create second" in out
    assert not Article.objects.exists()


def test_publish_section_and_author_options_fill_what_the_file_leaves_out(tmp_path):
    SectionFactory(slug="health", name="Health")
    PersonFactory(slug="mina-shirazi", name="Mina Shirazi")
    path = write_lines(tmp_path / "a.jsonl", article("first", dek="A standfirst.", body=STORY))
    call_command("import_articles", str(path), "--publish", "--section", "health", "--author", "mina-shirazi")
    imported = Article.objects.get(slug="first")
    assert imported.status == Article.Status.PUBLISHED
    assert imported.published_at is not None
    assert imported.section.slug == "health"
    assert [b.person.slug for b in imported.bylines.all()] == ["mina-shirazi"]


def test_unknown_section_option_is_one_clear_line(tmp_path):
    path = write_lines(tmp_path / "a.jsonl", article("first"))
    message, _ = run_import("import_articles", path, "--section", "nowhere")
    assert message == "--section: no section 'nowhere'."


def test_alias_already_naming_another_person_is_refused_before_writing(tmp_path):
    path = write_lines(
        tmp_path / "e.jsonl",
        {"type": "person", "slug": "p-kolivand", "name": "Pirhossein Kolivand"},
        {
            "type": "person",
            "slug": "other",
            "name": "Someone Else",
            "aliases": [{"name": "Pirhossein Kolivand"}],
        },
        {
            "type": "person",
            "slug": "third",
            "name": "Third Person",
            "aliases": [{"name": "Pirhossein Kolivand"}],
        },
    )
    message, stderr = run_import("import_entities", path)
    for line in (2, 3):
        assert (
            f"{path}:{line}: aliases[0].name: This name already belongs to the person “Pirhossein Kolivand” "
            "(line 1 of this import)."
        ) in (stderr + message)
    assert not Person.objects.exists()


def test_a_file_full_of_problems_shows_the_first_hundred(tmp_path):
    path = write_lines(tmp_path / "a.jsonl", *[article(f"s-{n}", colour="red") for n in range(150)])
    message, stderr = run_import("import_articles", path)
    assert len(stderr.splitlines()) == 99
    assert message == "... and 51 more problems. Nothing was imported (150 problems)."


def test_missing_file_is_one_line(tmp_path):
    message, _ = run_import("import_articles", tmp_path / "nowhere.jsonl")
    assert message.startswith(f"{tmp_path / 'nowhere.jsonl'}: file: cannot be read (No such file")


def test_duplicates_inside_a_record_are_problems_not_database_errors(tmp_path):
    path = write_lines(
        tmp_path / "e.jsonl",
        {"type": "organization", "slug": "who", "name": "World Health Organization", "wikidata_id": "Q7817"},
        {"type": "organization", "slug": "who-2", "name": "WHO again", "wikidata_id": "Q7817"},
        {"type": "person", "slug": "a-b", "name": "A B", "aliases": [{"name": "Ab"}, {"name": "Ab"}]},
    )
    message, stderr = run_import("import_entities", path)
    everything = stderr + message
    assert f"{path}:2: wikidata_id: is also the id of organization 'who' (line 1)." in everything
    assert f"{path}:3: aliases[1].name: 'Ab' is listed twice." in everything
    assert not Organization.objects.exists()


def test_related_listed_twice_and_bad_focal_point_are_problems(tmp_path):
    image = {"file": "images/a.jpg", "width": 10, "height": 10, "focal_x": 3}
    path = write_lines(
        tmp_path / "a.jsonl",
        article("one", related=[{"article": "two"}, {"article": "two", "kind": "exclude"}], lead_image=image),
        article("two"),
    )
    message, stderr = run_import("import_articles", path)
    everything = stderr + message
    assert f"{path}:1: related[1].article: 'two' is listed twice." in everything
    assert f"{path}:1: lead_image.focal_x: must be a number from 0 to 1." in everything
    assert not Article.objects.exists()


def test_update_keeps_the_first_publication_time(tmp_path):
    from datetime import timedelta

    original = ArticleFactory(slug="taken")
    first = original.first_published_at
    later = (original.published_at + timedelta(days=1)).isoformat()
    PersonFactory(slug="mina-shirazi")
    path = write_lines(
        tmp_path / "a.jsonl",
        article(
            "taken", status="published", published_at=later, dek="A standfirst.", body=STORY,
            bylines=["mina-shirazi"],
        ),
    )  # fmt: skip
    call_command("import_articles", str(path), "--update")
    updated = Article.objects.get(slug="taken")
    assert updated.first_published_at == first
    assert updated.last_published_at.isoformat() == later
    assert updated.version == original.version + 1
