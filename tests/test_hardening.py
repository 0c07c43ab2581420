import os
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


def test_check_deploy_is_clean_with_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DEBUG", "SECRET_KEY", "ALLOWED"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "coopportal.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "htx.example.gov.vn",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_carry_the_security_headers(client):
    response = client.get("/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_passwords_need_12_characters():
    with pytest.raises(ValidationError) as error:
        validate_password("Ng7#short")
    assert [e.code for e in error.value.error_list] == ["password_too_short"]
    validate_password("Hop-tac-xa-2026-Lao-Cai")


@pytest.fixture
def clock(monkeypatch):
    """A clock the sessions and the idle middleware read, moved by hand:
    clock(minutes=31) is 31 minutes after the test began."""
    import coopportal.middleware

    start = timezone.now()
    offset = [timedelta()]
    monkeypatch.setattr(timezone, "now", lambda: start + offset[0])
    monkeypatch.setattr(coopportal.middleware.time, "time", lambda: (start + offset[0]).timestamp())

    def move_to(**elapsed):
        offset[0] = timedelta(**elapsed)

    return move_to


def _signed_in(client):
    """True when a page for signed-in users answers rather than sending to the login."""
    response = client.get("/registry/")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def test_a_session_idle_for_30_minutes_is_logged_out(client, django_user_model, clock):
    client.force_login(django_user_model.objects.create_user("canbo", password="a-long-test-password"))
    assert _signed_in(client)
    clock(minutes=29)
    assert _signed_in(client)  # used: the idle time starts again
    clock(minutes=29 + 31)
    assert not _signed_in(client)


def test_a_session_in_use_stays_open_past_30_minutes(client, django_user_model, clock):
    client.force_login(django_user_model.objects.create_user("canbo", password="a-long-test-password"))
    for minutes in (0, 20, 40, 60, 80):
        clock(minutes=minutes)
        assert _signed_in(client), f"logged out after {minutes} minutes in use"


def test_the_session_cookie_ends_with_the_browser(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("canbo", password="a-long-test-password"))
    client.get("/registry/")
    assert client.cookies["sessionid"]["expires"] == ""  # no date: a browser-session cookie


def test_login_gives_a_new_session(client, django_user_model):
    django_user_model.objects.create_user("canbo", password="a-long-test-password")
    client.get("/login/")
    client.cookies["sessionid"] = "attacker-chosen-session-key"
    client.post("/login/", {"username": "canbo", "password": "a-long-test-password"})
    assert client.cookies["sessionid"].value != "attacker-chosen-session-key"


def _fail(client, username="canbo"):
    return client.post("/login/", {"username": username, "password": "wrong-password-here"}, REMOTE_ADDR="10.9.8.7")


def test_repeated_failures_lock_out_then_the_cool_off_ends(client, django_user_model, settings):
    from axes.models import AccessAttempt

    django_user_model.objects.create_user("canbo", password="a-long-test-password")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _fail(client).status_code == 200  # the form again, with its error
    locked = _fail(client)
    assert locked.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in locked.content.decode()
    # even the right password is refused while locked
    right = client.post("/login/", {"username": "canbo", "password": "a-long-test-password"}, REMOTE_ADDR="10.9.8.7")
    assert right.status_code == 429
    # another user from the same address is not locked
    django_user_model.objects.create_user("khac", password="a-long-test-password")
    other = client.post("/login/", {"username": "khac", "password": "a-long-test-password"}, REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 302
    # after the cool-off the right password works again
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=settings.AXES_COOLOFF_TIME * 60 + 1))
    client.logout()
    again = client.post("/login/", {"username": "canbo", "password": "a-long-test-password"}, REMOTE_ADDR="10.9.8.7")
    assert again.status_code == 302
