"""Conflict detection in the model layer: every save of a versioned row checks the version it was based on."""

import threading

import pytest
from django.db import close_old_connections, connection

from articles.models import Article
from newsroom.versioning import VersionConflict
from organizations.models import Person
from tests.factories import ArticleFactory, PersonFactory


@pytest.mark.django_db
def test_second_of_two_copies_loaded_at_the_same_version_is_refused():
    article = ArticleFactory(headline="Convoy reaches Tabriz")
    first, second = Article.objects.get(pk=article.pk), Article.objects.get(pk=article.pk)
    first.headline = "Convoy reaches Tabriz at dawn"
    first.save()
    second.headline = "Convoy turns back"
    with pytest.raises(VersionConflict) as refused:
        second.save()
    assert refused.value.current == first.version
    assert "saved by someone else" in refused.value.messages[0]
    article.refresh_from_db()
    assert article.headline == "Convoy reaches Tabriz at dawn"
    assert second.version == first.version - 1  # the refused copy keeps the number it was based on


@pytest.mark.django_db
def test_a_save_based_on_an_old_version_is_refused_and_a_current_one_goes_through():
    person = PersonFactory(name="Pirhossein Kolivand")
    opened_at = person.version
    Person.objects.get(pk=person.pk).save()  # someone else saves in between
    fresh = Person.objects.get(pk=person.pk)
    fresh.bio = "Head of the Red Crescent Society."
    with pytest.raises(VersionConflict):
        fresh.save(expected_version=opened_at)
    fresh.save(expected_version=fresh.version)
    assert Person.objects.get(pk=person.pk).bio == "Head of the Red Crescent Society."
    assert Person.objects.get(pk=person.pk).version == opened_at + 2


@pytest.mark.django_db
def test_saves_in_a_row_on_one_copy_keep_working():
    article = ArticleFactory()
    for headline in ("One", "Two", "Three"):
        article.headline = headline
        article.save(update_fields=["headline"])
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.version) == ("Three", article.version)


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_saves_of_the_same_version_let_exactly_one_through():
    article = ArticleFactory(headline="Original")
    copies = [Article.objects.get(pk=article.pk) for _ in range(20)]
    start = threading.Barrier(len(copies))
    outcomes: list[str] = []

    def save(copy, n):
        try:
            start.wait()
            copy.headline = f"Edit {n}"
            copy.save()
            outcomes.append("saved")
        except VersionConflict:
            outcomes.append("refused")
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=save, args=(copy, n)) for n, copy in enumerate(copies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    close_old_connections()
    assert sorted(outcomes) == ["refused"] * 19 + ["saved"]
    stored = Article.objects.get(pk=article.pk)
    assert stored.version == article.version + 1
    assert stored.headline.startswith("Edit ")


@pytest.mark.django_db
def test_an_import_with_update_overwrites_and_a_form_opened_before_it_is_refused(tmp_path, admin_client):
    from django.core.management import call_command
    from django.urls import reverse

    from tests.admin_posts import article_post
    from tests.articles.importing.test_import_errors import article, write_lines

    stored = ArticleFactory(
        slug="taken", headline="Old headline", status=Article.Status.DRAFT, published_at=None
    )
    opened = article_post(stored, headline="The editor's headline")  # the editor opens the form
    call_command("import_articles", str(write_lines(tmp_path / "a.jsonl", article("taken"))), "--update")
    imported = Article.objects.get(slug="taken")
    assert (imported.headline, imported.version) == ("Headline taken", stored.version + 1)
    response = admin_client.post(reverse("admin:articles_article_change", args=[stored.pk]), opened)
    assert response.status_code == 200
    assert "while you were editing" in response.text
    assert Article.objects.get(slug="taken").headline == "Headline taken"


@pytest.mark.django_db
def test_an_entity_import_with_update_overwrites_and_raises_the_version(tmp_path):
    from django.core.management import call_command

    from tests.articles.importing.test_import_errors import write_lines

    person = PersonFactory(slug="pirhossein-kolivand", name="Pirhossein Kolivand")
    stale = Person.objects.get(pk=person.pk)
    line = {"type": "person", "slug": "pirhossein-kolivand", "name": "Pirhossein Kolivand", "bio": "Head."}
    call_command("import_entities", str(write_lines(tmp_path / "e.jsonl", line)), "--update")
    assert Person.objects.get(pk=person.pk).version == person.version + 1
    stale.bio = "Written over the import"
    with pytest.raises(VersionConflict):
        stale.save()
    assert Person.objects.get(pk=person.pk).bio == "Head."


@pytest.mark.slow  # nineteen conflict pages rendered one after another behind the row lock
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_admin_saves_of_one_version_let_exactly_one_through():
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    from tests.admin_posts import article_post

    editor = User.objects.create_superuser("sara", password=None)
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, headline="Original")
    url = reverse("admin:articles_article_change", args=[article.pk])
    opened = article_post(article)  # twenty tabs opened the same version
    start = threading.Barrier(20)
    codes: list[int] = []

    def save(n):
        try:
            client = Client()
            client.force_login(editor)
            start.wait()
            codes.append(client.post(url, {**opened, "headline": f"Edit {n}"}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    close_old_connections()
    assert sorted(codes) == [200] * 19 + [302]  # one saved; nineteen shown the conflict, nothing lost
    stored = Article.objects.get(pk=article.pk)
    assert stored.version == article.version + 1
