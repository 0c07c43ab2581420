import pytest
from django.core.management import CommandError, call_command

from portal.demo_accounts import DEMO_ACCOUNTS, DemoAccountsRefused, create_demo_accounts

pytestmark = pytest.mark.django_db


def test_no_demo_account_is_made_with_debug_off(settings, django_user_model):
    settings.DEBUG = False
    with pytest.raises(DemoAccountsRefused):
        create_demo_accounts()
    with pytest.raises(CommandError):
        call_command("create_demo_accounts")
    assert not django_user_model.objects.filter(username__in=[a["username"] for a in DEMO_ACCOUNTS]).exists()


def test_demo_accounts_are_made_and_listed_with_debug_on(settings, client, django_user_model):
    settings.DEBUG = True
    create_demo_accounts()
    create_demo_accounts()  # twice is harmless
    assert django_user_model.objects.filter(username="admin", is_superuser=True).count() == 1
    leader = django_user_model.objects.get(username="lanhdao")
    assert leader.has_perm("registry.view_cooperative")
    assert not leader.has_perm("registry.change_cooperative")
    entry = django_user_model.objects.get(username="nhaplieu")
    assert entry.has_perm("registry.add_cooperative")
    assert not entry.has_perm("registry.delete_cooperative")
    page = client.get("/login/").content.decode()
    assert "demo-lanhdao-2021" in page
    response = client.post("/login/", {"username": "lanhdao", "password": "demo-lanhdao-2021"})
    assert response.status_code == 302


def test_the_login_page_lists_no_account_with_debug_off(settings, client):
    settings.DEBUG = True
    create_demo_accounts()
    settings.DEBUG = False
    page = client.get("/login/").content.decode()
    assert "demo-admin-2021" not in page
    assert "Đăng nhập" in page
