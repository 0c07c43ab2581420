"""The portal's roles, as Django groups: what each may do.

- Data-entry officer: adds and changes registry records, yearly reports,
  manual plan actuals and awards, within the scope on the profile; never
  deletes; never changes indicators or targets.
- Leadership: reads the dashboard, drill-downs, reports and exports.
- Plan manager: sets indicators and targets.
- Administrator: everything, including users and deletion.
"""

from django.db.models import Q

DATA_ENTRY = "Cán bộ nhập liệu"
LEADERSHIP = "Lãnh đạo"
PLAN_MANAGER = "Quản lý kế hoạch"
ADMINISTRATOR = "Quản trị viên"
ROLES = [DATA_ENTRY, LEADERSHIP, PLAN_MANAGER, ADMINISTRATOR]

_REGISTRY_RECORDS = [
    "cooperative",
    "cooperativegroup",
    "cooperativereport",
    "groupreport",
    "ocopproduct",
    "valuechainmodel",
]
_AWARD_RECORDS = ["decision", "awardline", "person", "collective"]

# role -> [(app label, model names or "*", actions)]
GRANTS = {
    DATA_ENTRY: [
        ("registry", _REGISTRY_RECORDS, ["add", "change", "view"]),
        ("places", ["province", "commune"], ["view"]),
        ("registry", ["cooperativestatuschange"], ["view"]),
        ("planning", ["manualactual"], ["add", "change", "view"]),
        ("planning", ["indicator", "target"], ["view"]),
        ("awards", _AWARD_RECORDS, ["add", "change", "view"]),
        ("awards", "*", ["view"]),
        ("support", "*", ["add", "change", "view"]),
    ],
    LEADERSHIP: [
        ("places", "*", ["view"]),
        ("registry", "*", ["view"]),
        ("planning", "*", ["view"]),
        ("awards", "*", ["view"]),
        ("support", "*", ["view"]),
    ],
    PLAN_MANAGER: [
        ("planning", ["indicator", "target"], ["add", "change", "view"]),
        ("planning", "*", ["view"]),
        ("places", ["province", "commune"], ["view"]),
    ],
    ADMINISTRATOR: [(app, "*", ["add", "change", "delete", "view"]) for app in (
        "places", "registry", "planning", "awards", "support", "accounts", "auth", "axes", "reports",
    )],
}  # fmt: skip


def permissions_for(role, permission_model):
    query = Q(pk__in=[])
    for app, models, actions in GRANTS[role]:
        codenames = Q(codename__regex=rf"^({'|'.join(actions)})_")
        scope = Q(content_type__app_label=app)
        if models != "*":
            scope &= Q(content_type__model__in=models)
        query |= scope & codenames
    return permission_model.objects.filter(query)


def sync_role_permissions(sender=None, apps=None, using="default", **kwargs):
    """Create the role groups if missing and give each exactly its grants."""
    from django.contrib.auth.models import Group, Permission

    for role in ROLES:
        group, _created = Group.objects.using(using).get_or_create(name=role)
        group.permissions.set(permissions_for(role, Permission).using(using))


def can_delete(user):
    """Deletion is for administrators only."""
    return user.is_superuser or any(g.name == ADMINISTRATOR for g in user.groups.all())
