"""Renaming an entity: the editor's save only records that work is due; a task re-indexes the stories.

Re-indexing every linked article inside the request took 44.8 s for an organization linked to
41,000 articles. The save now queues one task (with the entity's id) after commit, which re-indexes
the linked articles in batches and refreshes the pages.
"""

import re

import pytest
from django.urls import reverse

from articles.models import Article
from articles.search import search_index_update
from articles.tasks import refresh_after_entity_rename
from organizations.models import Organization
from tests.admin_posts import inline
from tests.factories import ArticleFactory, ArticleOrganizationFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def org_post(org: Organization, **overrides) -> dict:
    """The organization change form as the browser submits it."""
    return {
        "name": org.name,
        "acronym": org.acronym,
        "slug": org.slug,
        "kind": org.kind,
        "country": "",
        "parent": "",
        "website": "",
        "description": "",
        "wikidata_id": "",
        "loaded_version": str(org.version),
        **inline("aliases", []),
        **inline("affiliations", []),
        **overrides,
    }


def linked_org(count: int, name: str = "Zagros Relief Foundation") -> tuple[Organization, list[Article]]:
    org = OrganizationFactory(name=name, acronym="")
    stories = [ArticleFactory(headline=f"Convoy leaves for the villages, day {n}") for n in range(count)]
    for story in stories:
        ArticleOrganizationFactory(article=story, organization=org)
    search_index_update(s.pk for s in stories)
    return org, stories


def stories_found(client, q: str) -> int:
    """How many stories the results page says it found."""
    found = re.search(r"(\d+) stor(?:y|ies) for", client.get("/search/", {"q": q}).text)
    return int(found.group(1)) if found else 0


def test_renaming_an_organization_updates_its_stories_search_through_the_task(
    admin_client, client, django_capture_on_commit_callbacks
):
    org, _stories = linked_org(3)
    assert stories_found(client, "Zagros") == 3
    url = reverse("admin:organizations_organization_change", args=[org.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, org_post(org, name="Alborz Relief Foundation"))
    assert response.status_code == 302
    assert stories_found(client, "Alborz") == 3
    assert stories_found(client, "Zagros") == 0
    # Renamed once more, keeping the old name as another name: both names find the stories.
    org.refresh_from_db()
    aliases = inline("aliases", [{"name": "Alborz Relief Foundation", "kind": "former", "language": ""}])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, org_post(org, name="Sahand Relief Foundation", **aliases))
    assert org.aliases.filter(name="Alborz Relief Foundation").exists()
    assert stories_found(client, "Sahand") == 3
    assert stories_found(client, "Alborz") == 3


def test_editing_anything_but_a_name_queues_nothing(
    admin_client, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    org, _stories = linked_org(3)
    url = reverse("admin:organizations_organization_change", args=[org.pk])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, org_post(org, description="Runs field clinics in the west."))
    org.refresh_from_db()
    assert org.description == "Runs field clinics in the west."
    assert not DBTaskResult.objects.exists()


def test_the_rename_request_costs_the_same_for_3_or_60_linked_stories(
    admin_client, client, settings, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    # Tasks queued in PostgreSQL, as in production: the request's work ends at the queueing.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    counts = []
    for count, name in ((3, "Zagros Relief Foundation"), (60, "Dena Relief Foundation")):
        org, _stories = linked_org(count, name)
        url = reverse("admin:organizations_organization_change", args=[org.pk])
        with (
            django_assert_max_num_queries(40) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = admin_client.post(url, org_post(org, name=f"Renamed {name}"))
        assert response.status_code == 302
        counts.append(len(queries.captured_queries))
        # No story is re-indexed inside the request: that is the task's work.
        assert not [q for q in queries.captured_queries if "search_vector" in q["sql"]]
        task = DBTaskResult.objects.get(args_kwargs__kwargs__entity_ids=[org.pk])
        assert task.args_kwargs["kwargs"]["kind"] == "organization"
    assert counts[0] == counts[1]
    # Until the worker runs, the stories are found under the old name; then under the new one.
    assert stories_found(client, "Dena") == 60
    queued = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [row.task_path for row in queued] == ["articles.tasks.refresh_after_entity_rename"] * 2
    for row in queued:  # what the worker does with each row
        refresh_after_entity_rename.call(**row.args_kwargs["kwargs"])
    assert stories_found(client, "Renamed Dena") == 60
    assert stories_found(client, "Renamed Zagros") == 3
