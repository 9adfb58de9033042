"""Guessing passwords meets a lockout: per account and address, with a message and a way to unlock."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


def _editor(username):
    return get_user_model().objects.create_user(username, password="the-right-password-42", is_staff=True)


def _try(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client):
    _editor("leila")
    for _ in range(4):
        assert _try(client, "leila", "wrong").status_code == 200  # the login form again, with its error
    assert _try(client, "leila", "wrong").status_code == 429  # the fifth locks
    locked = _try(client, "leila", "the-right-password-42")
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_locked_account_still_logs_in_from_another_address(client):
    user = _editor("reza")
    for _ in range(5):
        _try(client, "reza", "wrong", address="203.0.113.7")
    response = _try(client, "reza", "the-right-password-42", address="198.51.100.20")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_an_administrator_unlocks_with_a_command(client):
    _editor("sara")
    for _ in range(5):
        _try(client, "sara", "wrong")
    assert _try(client, "sara", "the-right-password-42").status_code == 429
    call_command("axes_reset_username", "sara")
    assert _try(client, "sara", "the-right-password-42").status_code == 302
