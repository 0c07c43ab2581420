"""The test database holds the administrative units and the demo data from
the start (loaded once per run); each test runs in a transaction that is
rolled back, so tests may add records freely."""

import os

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if os.environ.get("COOPPORTAL_TESTS_UNITS_ONLY"):
            # Mutation runs (README): the hand-built tests need the units only.
            call_command("load_admin_units", verbosity=0)
        else:
            call_command("load_demo", verbosity=0)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture
def leader_client(client, django_user_model):
    user = django_user_model.objects.create_user("leader", password="a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture
def make_user(django_user_model):
    """make_user(name, role, province="15", communes=(), superuser=False): a
    staff user with a role and a scope, as an administrator would set them."""
    from django.contrib.auth.models import Group

    from accounts import roles
    from accounts.models import UserProfile

    roles.sync_role_permissions()

    def make(name, role, province="15", communes=(), superuser=False):
        user = django_user_model.objects.create_user(
            name, password="a-long-test-password", is_staff=True, is_superuser=superuser
        )
        user.groups.set(Group.objects.filter(name=role))
        profile = UserProfile.objects.get(user=user)
        profile.province_id = province
        profile.save()
        profile.communes.set(communes)
        return user

    return make


@pytest.fixture
def typed_in_actual():
    """A Lào Cai figure typed in by hand (every demo figure is computed since
    the poor households come from the Alliance's records)."""
    import datetime
    from decimal import Decimal

    from planning.models import Indicator, ManualActual

    indicator = Indicator.objects.create(code="typed_in_fixture", name="Chỉ tiêu nhập tay")
    return ManualActual.objects.create(
        indicator=indicator, year=2021, province_id="15", value=Decimal(25), as_of=datetime.date(2021, 12, 31)
    )
