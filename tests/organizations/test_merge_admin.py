"""Duplicates page and merge action in the admin: Editors merge, others only look."""

import pytest
from django.contrib.auth.models import Permission

from articles.models import ArticlePerson
from organizations.models import EntityMerge, Person
from tests.factories import ArticlePersonFactory, PersonFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/organizations/person/"


@pytest.fixture
def pair():
    keep = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    drop = PersonFactory(name="Pirhoshein Kolivan", slug="pirhoshein-kolivand")
    ArticlePersonFactory(person=keep)
    ArticlePersonFactory(person=keep)
    ArticlePersonFactory(person=drop)
    return keep, drop


@pytest.fixture
def staff(django_user_model):
    def make(*perms):
        user = django_user_model.objects.create_user("staffer", password="pw", is_staff=True)
        for codename in perms:
            user.user_permissions.add(Permission.objects.get(codename=codename))
        return user

    return make


def test_duplicates_page_lists_pair_with_reason_and_merge_button(pair, admin_client):
    page = admin_client.get(CHANGELIST + "duplicates/").content.decode()
    assert "Pirhossein Kolivand" in page and "Pirhoshein Kolivan" in page
    assert "close spelling" in page
    assert "Merge…" in page
    assert 'href="duplicates/"' in admin_client.get(CHANGELIST).content.decode()


def test_merge_action_asks_which_to_keep_then_merges(pair, admin_client):
    keep, drop = pair
    selected = {"action": "merge_selected", "_selected_action": [keep.pk, drop.pk]}
    confirm = admin_client.post(CHANGELIST, selected)
    assert confirm.status_code == 200
    assert "Which record should remain?" in confirm.content.decode()
    assert Person.objects.count() == 2
    done = admin_client.post(CHANGELIST, {**selected, "confirm": "yes", "keep": keep.pk}, follow=True)
    assert "Merged “Pirhoshein Kolivan” into “Pirhossein Kolivand”" in done.content.decode()
    assert list(Person.objects.all()) == [keep]
    assert ArticlePerson.objects.filter(person=keep).count() == 3
    assert EntityMerge.objects.get().merged_by.is_superuser


def test_merge_action_needs_exactly_two(pair, admin_client):
    keep, _drop = pair
    response = admin_client.post(
        CHANGELIST, {"action": "merge_selected", "_selected_action": [keep.pk], "index": 0}, follow=True
    )
    assert "Select exactly two records" in response.content.decode()
    assert Person.objects.count() == 2


def test_without_merge_permission_the_action_is_absent_and_refused(pair, client, staff):
    keep, drop = pair
    client.force_login(staff("view_person", "change_person"))
    page = client.get(CHANGELIST + "duplicates/").content.decode()
    assert "close spelling" in page and "Merge…" not in page
    assert "merge_selected" not in client.get(CHANGELIST).content.decode()
    client.post(
        CHANGELIST,
        {
            "action": "merge_selected",
            "_selected_action": [keep.pk, drop.pk],
            "confirm": "yes",
            "keep": keep.pk,
        },
    )
    assert Person.objects.count() == 2


def test_with_merge_permission_a_staff_user_merges(pair, client, staff):
    keep, drop = pair
    client.force_login(staff("view_person", "change_person", "merge_entities"))
    client.post(
        CHANGELIST,
        {
            "action": "merge_selected",
            "_selected_action": [keep.pk, drop.pk],
            "confirm": "yes",
            "keep": keep.pk,
        },
    )
    assert list(Person.objects.all()) == [keep]
