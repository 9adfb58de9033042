"""An editor's malformed address in the admin gets a 4xx with a message, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


def test_invalid_regex_filter_answers_400_with_a_message(admin_client):
    response = admin_client.get("/admin/articles/article/", {"headline__regex": "("})
    assert response.status_code == 400
    assert "This filter cannot be used" in response.content.decode()


def test_valid_regex_filter_still_works(admin_client):
    response = admin_client.get("/admin/articles/article/", {"headline__regex": "^A"})
    assert response.status_code == 200


def test_login_with_an_unsafe_next_lands_on_the_admin_index(client, django_user_model):
    django_user_model.objects.create_user("editor1", password="a-good-password-71", is_staff=True)
    response = client.post(
        "/admin/login/?next=https://evil.example.com/",
        {"username": "editor1", "password": "a-good-password-71", "next": "https://evil.example.com/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
