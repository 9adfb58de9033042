"""Saving an article in the admin refreshes the related posts of the articles it touches."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, ArticlePersonFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_admin_save_refreshes_related_posts_of_both_sides(admin_client, django_capture_on_commit_callbacks):
    person = PersonFactory(name="Leila Ahmadi")
    first = ArticleFactory(headline="First story about Leila")
    second = ArticleFactory(headline="Second story about Leila")
    ArticlePersonFactory(article=first, person=person)
    assert not first.related_entries.exists()

    change_url = reverse("admin:articles_article_change", args=[second.pk])
    form = admin_client.get(change_url).context["adminform"].form
    data = {
        k: v for k, v in form.initial.items() if v is not None and k not in {"tags", "section", "lead_image"}
    }
    data.update(
        {
            "section": second.section_id,
            "tags": "",
            "published_at_0": timezone.localtime(second.published_at).strftime("%Y-%m-%d"),
        }
    )
    data["published_at_1"] = timezone.localtime(second.published_at).strftime("%H:%M:%S")
    for prefix in ("bylines", "organization_links", "event_links", "quotes", "related_overrides"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(
        {
            "person_links-TOTAL_FORMS": "1",
            "person_links-INITIAL_FORMS": "0",
            "person_links-0-person": str(person.pk),
            "person_links-0-role": "about",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url, data)
    assert response.status_code == 302
    assert list(first.related_entries.values_list("related__headline", flat=True)) == [
        "Second story about Leila"
    ]
    assert list(second.related_entries.values_list("related__headline", flat=True)) == [
        "First story about Leila"
    ]
