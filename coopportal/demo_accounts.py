"""Demo accounts for a local demo database, never for a real deployment.

They are created only while DEBUG is on (``make run``); with DEBUG off
``create_demo_accounts`` refuses and the login page lists nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Fixed, printed and shown on the login page on purpose: this is a demo.
DEMO_ACCOUNTS = [
    {"username": "admin", "password": "demo-admin-2021", "role": _("Administrator"), "kind": "admin"},
    {"username": "nhaplieu", "password": "demo-nhaplieu-2021", "role": _("Data-entry officer"), "kind": "entry"},
    {"username": "lanhdao", "password": "demo-lanhdao-2021", "role": _("Leader"), "kind": "leader"},
]
# What the data-entry officer may do in the admin: add, change and view
# registry records and manual plan actuals, never delete.
ENTRY_APPS = {"registry": ["add", "change", "view"], "planning": ["view"]}
ENTRY_EXTRA = ["planning.add_manualactual", "planning.change_manualactual"]


class DemoAccountsRefused(Exception):
    pass


def create_demo_accounts():
    """Create (or reset) the demo accounts; returns the list of them."""
    if not settings.DEBUG:
        raise DemoAccountsRefused("Demo accounts are only made with DEBUG on, for a local demo database.")
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, _created = User.objects.get_or_create(username=account["username"])
        user.is_superuser = account["kind"] == "admin"
        user.is_staff = account["kind"] in {"admin", "entry"}
        user.set_password(account["password"])
        user.save()
        if account["kind"] == "entry":
            user.user_permissions.set(_entry_permissions())
    return DEMO_ACCOUNTS


def _entry_permissions():
    query = Q()
    for app, actions in ENTRY_APPS.items():
        query |= Q(content_type__app_label=app, codename__regex=rf"^({'|'.join(actions)})_")
    for dotted in ENTRY_EXTRA:
        app, codename = dotted.split(".")
        query |= Q(content_type__app_label=app, codename=codename)
    return Permission.objects.filter(query)


def demo_credentials():
    """The demo accounts to show on the login page: none unless DEBUG is on
    and the accounts exist."""
    if not settings.DEBUG:
        return []
    User = get_user_model()
    existing = set(
        User.objects.filter(username__in=[a["username"] for a in DEMO_ACCOUNTS]).values_list("username", flat=True)
    )
    return [a for a in DEMO_ACCOUNTS if a["username"] in existing]
