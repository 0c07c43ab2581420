import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.utils import translation

from coopportal.lib.env import parse_database_url

ROOT = Path(__file__).resolve().parent.parent


def test_it_reads_a_sqlite_url_relative_to_the_project():
    db = parse_database_url("sqlite:///var/x.sqlite3", "/srv/app")
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == "/srv/app/var/x.sqlite3"


def test_it_reads_an_absolute_sqlite_path():
    assert parse_database_url("sqlite:////data/x.sqlite3", "/srv/app")["NAME"] == "/data/x.sqlite3"


def test_it_reads_a_postgres_url():
    db = parse_database_url("postgres://htx:s%40cret@db.local:5433/coopportal", "/srv")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "htx",
        "s@cret",
        "db.local",
        "5433",
        "coopportal",
    )


def test_it_refuses_an_unknown_scheme():
    with pytest.raises(ImproperlyConfigured):
        parse_database_url("mysql://x@y/z", "/srv")


def _start(env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; from django.conf import settings; settings.INSTALLED_APPS"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "coopportal.settings"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_stops_without_secret_key_when_debug_is_off():
    result = _start({"ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_stops_without_allowed_hosts_when_debug_is_off():
    result = _start({"SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_it_starts_with_debug_and_nothing_else():
    assert _start({"DEBUG": "1"}).returncode == 0


class DateForm(forms.Form):
    day = forms.DateField()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dd_mm_yyyy_is_read_day_first(language):
    with translation.override(language):
        form = DateForm({"day": "01/07/2021"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == datetime.date(2021, 7, 1)
        assert DateForm({"day": "13/07/2025"}).is_valid()


def test_dates_and_numbers_are_shown_the_vietnamese_way():
    template = Template('{{ d|date:"SHORT_DATE_FORMAT" }} {{ n }} {{ x }}')
    with translation.override("vi"):
        text = template.render(Context({"d": datetime.date(2021, 7, 1), "n": 1234567, "x": 118.3}))
    assert text == "01/07/2021 1.234.567 118,3"


def test_env_example_lists_every_variable_the_settings_read():
    import re

    read = set(re.findall(r'env_\w+\("([A-Z_]+)"', (ROOT / "coopportal" / "settings.py").read_text()))
    listed = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read - listed == set()
