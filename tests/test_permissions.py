"""The permission matrix: for each role, each page, endpoint, export and
admin action, in scope and out of scope, the status code expected.

Roles: administrator (national), administrator, data-entry officer, leader
and plan manager of Lào Cai (15), a data-entry officer of Hà Nội (01), and
one limited to the commune of Trạm Tấu (04606). Restoring old versions is in
tests/test_restore_permissions.py, writing shared data in
tests/test_shared_data.py."""

import pytest

from accounts import roles
from awards.models import Person
from places.models import Commune
from planning.models import Indicator
from registry.models import Cooperative

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(make_user):
    tram_tau = Commune.objects.get(code="04606")
    make = make_user
    return {
        "admin": make("quantri", roles.ADMINISTRATOR, province=None, superuser=True),
        "admin15": make("quantri15", roles.ADMINISTRATOR),
        "entry": make("nhaplieu15", roles.DATA_ENTRY),
        "leader": make("lanhdao15", roles.LEADERSHIP),
        "planner": make("kehoach15", roles.PLAN_MANAGER),
        "entry_hanoi": make("nhaplieu01", roles.DATA_ENTRY, province="01"),
        "entry_commune": make("nhaplieuxa", roles.DATA_ENTRY, communes=[tram_tau]),
    }


@pytest.fixture
def coops():
    in_tram_tau = Cooperative.objects.filter(commune_id="04606").order_by("pk").first()
    elsewhere = Cooperative.objects.exclude(commune_id="04606").order_by("pk").first()
    lam = Person.objects.get(full_name="Nguyễn Đức Lâm")
    htx_new = Indicator.objects.get(code="htx_new")
    return {"tram_tau": in_tram_tau.pk, "other": elsewhere.pk, "lam": lam.pk, "htx_new": htx_new.pk}


ALL = ("admin", "admin15", "entry", "leader", "planner", "entry_hanoi", "entry_commune")


def expect(**by_role):
    """{role: status}; `rest=` gives the status of every role not named."""
    rest = by_role.pop("rest", None)
    return {role: by_role.get(role, rest) for role in ALL}


# (url, expectations). {tram_tau} / {other}: a cooperative inside / outside Trạm Tấu.
MATRIX = [
    # The portal's own pages: every role reads within its scope.
    ("/dashboard/2021/", expect(rest=200)),
    ("/api/plan/2021/", expect(rest=200)),
    ("/api/plan/2021/?commune=04606", expect(entry_hanoi=404, rest=200)),
    ("/api/plan/2021/?commune=00004", expect(admin=200, entry_hanoi=200, rest=404)),  # a Hà Nội ward
    ("/api/plan/2021/?province=01", expect(admin=200, entry_hanoi=200, rest=404)),
    ("/dashboard/2021/htx_new/", expect(rest=200)),
    ("/dashboard/2021/htx_new/?format=xlsx", expect(rest=200)),
    ("/reports/2021.xlsx", expect(rest=200)),
    ("/reports/2021.docx", expect(rest=200)),
    ("/reports/2021.xlsx?province=01", expect(admin=200, entry_hanoi=200, rest=404)),
    ("/registry/?q=hop+tac+xa", expect(rest=200)),
    ("/registry/htx/{tram_tau}/", expect(entry_hanoi=404, rest=200)),
    ("/registry/htx/{other}/", expect(entry_hanoi=404, entry_commune=404, rest=200)),
    ("/awards/2021/", expect(rest=200)),
    ("/awards/person/{lam}/", expect(entry_hanoi=404, rest=200)),
    ("/admin/awards/person/{lam}/change/", expect(entry_hanoi=404, planner=403, rest=200)),
    # The admin: reading follows the view permission and the scope.
    ("/admin/registry/cooperative/", expect(planner=403, rest=200)),
    ("/admin/registry/cooperative/{tram_tau}/change/", expect(planner=403, entry_hanoi=404, rest=200)),
    ("/admin/registry/cooperative/{other}/change/", expect(planner=403, entry_hanoi=404, entry_commune=404, rest=200)),
    ("/admin/registry/cooperative/{tram_tau}/history/", expect(planner=403, entry_hanoi=404, rest=200)),
    # Adding, importing: data entry and the administrator.
    ("/admin/registry/cooperative/add/", expect(planner=403, leader=403, rest=200)),
    ("/admin/registry/cooperative/import/", expect(planner=403, leader=403, rest=200)),
    ("/admin/registry/cooperativereport/add/", expect(planner=403, leader=403, rest=200)),
    # Deleting: administrators only; out of scope stays a 404.
    ("/admin/registry/cooperative/{tram_tau}/delete/", expect(admin=200, admin15=200, entry_hanoi=404, rest=403)),
    # Deleted records: administrators, each within the scope.
    ("/admin/registry/cooperative/deleted/", expect(admin=200, admin15=200, rest=403)),
    ("/admin/awards/decision/deleted/", expect(admin=200, admin15=200, rest=403)),
    # The plan: targets by the plan manager, actuals by data entry.
    ("/admin/planning/target/add/", expect(admin=200, admin15=200, planner=200, rest=403)),
    # Indicators are national: a provincial plan manager reads them.
    ("/admin/planning/indicator/add/", expect(admin=200, rest=403)),
    ("/admin/planning/manualactual/add/", expect(planner=403, leader=403, rest=200)),
    # Awards: data entry keeps them; everybody else reads.
    ("/admin/awards/decision/add/", expect(planner=403, leader=403, rest=200)),
    ("/admin/awards/decision/", expect(planner=403, rest=200)),
    # Users and their logins: administrators, each within the scope.
    ("/admin/auth/user/", expect(admin=200, admin15=200, rest=403)),
    ("/admin/axes/accesslog/", expect(admin=200, admin15=200, rest=403)),
    ("/admin/axes/accessattempt/", expect(admin=200, admin15=200, rest=403)),
    # Shared data: read by those who may view it, added by national users only.
    ("/admin/auth/group/", expect(admin=200, admin15=200, rest=403)),
    ("/admin/auth/group/add/", expect(admin=200, rest=403)),
    ("/admin/planning/indicator/{htx_new}/change/", expect(rest=200)),  # read-only but to the national
    ("/admin/awards/title/", expect(planner=403, rest=200)),
    ("/admin/awards/title/add/", expect(admin=200, rest=403)),
    ("/admin/awards/basesalary/add/", expect(admin=200, rest=403)),
    ("/admin/places/province/add/", expect(admin=200, rest=403)),
    ("/admin/places/commune/add/", expect(admin=200, rest=403)),
    ("/admin/places/commune/04606/change/", expect(entry_hanoi=404, rest=200)),  # read-only but to the national
]


def _cases():
    for url, by_role in MATRIX:
        for role, status in by_role.items():
            yield pytest.param(role, url, status, id=f"{role}-{url}")


@pytest.mark.parametrize(("role", "url", "status"), list(_cases()))
def test_the_matrix(client, users, coops, role, url, status):
    client.force_login(users[role])
    response = client.get(url.format(**coops))
    assert response.status_code == status


@pytest.mark.parametrize(
    "url",
    [
        "/dashboard/2021/",
        "/api/plan/2021/",
        "/reports/2021.xlsx",
        "/reports/2021.docx",
        "/dashboard/2021/htx_new/",
        "/registry/",
    ],
)
def test_anonymous_users_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/login/")


def test_anonymous_users_are_sent_to_the_admin_login(client):
    response = client.get("/admin/registry/cooperative/")
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_a_leader_cannot_change_anything(client, users, coops):
    client.force_login(users["leader"])
    url = f"/admin/registry/cooperative/{coops['tram_tau']}/change/"
    assert client.post(url, {"name": "Hợp tác xã Bị Sửa"}).status_code == 403
    assert not Cooperative.objects.filter(name="Hợp tác xã Bị Sửa").exists()


def test_scoped_users_see_only_their_records(client, users):
    client.force_login(users["entry_commune"])
    listed = client.get("/admin/registry/cooperative/").context["cl"].result_count
    assert listed == Cooperative.objects.filter(commune_id="04606").count()
    client.force_login(users["entry_hanoi"])
    assert client.get("/admin/registry/cooperative/").context["cl"].result_count == 0
    assert client.get("/awards/2021/").context["count"] == 0
    api = client.get("/api/plan/2021/").json()
    assert {r["code"]: r["actual"] for r in api["indicators"]}.get("htx_new", 0) == 0


def test_the_commune_officer_cannot_pick_another_commune(client, users):
    client.force_login(users["entry_commune"])
    form = client.get("/admin/registry/cooperative/add/").context["adminform"].form
    assert list(form.fields["commune"].queryset.values_list("code", flat=True)) == ["04606"]


def test_the_commune_officers_dashboard_counts_only_its_commune(client, users):
    client.force_login(users["entry_commune"])
    rows = {r["code"]: r for r in client.get("/api/plan/2021/").json()["indicators"]}
    expected = Cooperative.objects.cooperatives().registered_in(2021).filter(commune_id="04606").count()
    assert rows["htx_new"]["actual"] == expected
