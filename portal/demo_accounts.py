"""Demo accounts for a local demo database, never for a real deployment.

They are created only while DEBUG is on (``make run``); with DEBUG off
``create_demo_accounts`` refuses and the login page lists nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from accounts import roles

# Fixed, printed and shown on the login page on purpose: this is a demo.
DEMO_ACCOUNTS = [
    {"username": "admin", "password": "demo-admin-2021", "role": _("Administrator"), "group": roles.ADMINISTRATOR},
    {
        "username": "nhaplieu",
        "password": "demo-nhaplieu-2021",
        "role": _("Data-entry officer"),
        "group": roles.DATA_ENTRY,
    },
    {"username": "lanhdao", "password": "demo-lanhdao-2021", "role": _("Leader"), "group": roles.LEADERSHIP},
]


class DemoAccountsRefused(Exception):
    pass


def create_demo_accounts():
    """Create (or reset) the demo accounts, each with its role and the
    portal's own province as scope; returns the list of them."""
    if not settings.DEBUG:
        raise DemoAccountsRefused("Demo accounts are only made with DEBUG on, for a local demo database.")
    roles.sync_role_permissions()
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, _created = User.objects.get_or_create(username=account["username"])
        user.is_superuser = account["group"] == roles.ADMINISTRATOR
        user.is_staff = True  # every role works in the admin, each within its permissions
        user.set_password(account["password"])
        user.save()
        user.groups.set(Group.objects.filter(name=account["group"]))
    return DEMO_ACCOUNTS


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
