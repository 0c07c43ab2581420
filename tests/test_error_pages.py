"""Refused, missing and failed pages in the portal's own look, in Vietnamese
and English, with a way back; buttons a role cannot use are not shown; a 403
is one log line."""

import logging

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from accounts import roles
from awards.models import Person
from registry.models import Cooperative

pytestmark = pytest.mark.django_db


def _coop():
    return Cooperative.objects.order_by("pk").first()


def test_it_refuses_a_leader_in_the_admin_with_the_portal_page(client, make_user):
    client.force_login(make_user("lanhdao-1", roles.LEADERSHIP))
    response = client.get("/admin/awards/decision/add/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "403 Forbidden" not in page
    assert 'class="topbar"' in page and "<h1>Không được phép</h1>" in page
    assert '<a class="button primary" href="/">Về bảng điều hành</a>' in page


def test_it_refuses_in_english_when_english_was_chosen(client, make_user):
    client.force_login(make_user("lanhdao-2", roles.LEADERSHIP))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.post(f"/admin/registry/cooperative/{_coop().pk}/change/", {"name": "X"}).content.decode()
    assert "<h1>Not allowed</h1>" in page
    assert '<a class="button primary" href="/">Back to the dashboard</a>' in page


def test_it_answers_a_missing_record_with_the_portal_page(client, make_user):
    client.force_login(make_user("nhaplieu-1", roles.DATA_ENTRY))
    response = client.get("/registry/htx/999999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Không tìm thấy trang</h1>" in page
    assert 'href="/">Về bảng điều hành</a>' in page
    assert 'href="/admin/">Nhập liệu</a>' in page  # staff may go back to data entry


def test_it_renders_the_server_error_page_without_a_request_context():
    request = RequestFactory().get("/dashboard/2021/")
    with translation.override("vi"):
        response = server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>Đã xảy ra lỗi</h1>" in page and 'class="topbar"' in page
    assert 'href="/">Về bảng điều hành</a>' in page
    with translation.override("en"):
        assert "<h1>Something went wrong</h1>" in server_error(request).content.decode()


def test_it_answers_a_csrf_failure_with_the_portal_page(make_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("nhaplieu-2", roles.DATA_ENTRY))
    response = client.post(f"/admin/registry/cooperative/{_coop().pk}/change/", {"name": "X"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "403 Forbidden" not in page and "CSRF" not in page
    assert "<h1>Biểu mẫu đã hết hạn</h1>" in page
    assert 'href="/">Về bảng điều hành</a>' in page


def test_it_answers_a_bad_request_with_the_portal_page(client):
    page = client.post("/login/", {f"f{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)})
    assert page.status_code == 400
    assert "<h1>Không đọc được yêu cầu</h1>" in page.content.decode()


# Buttons a role cannot use are not shown.


@pytest.mark.parametrize(("role", "shown"), [(roles.LEADERSHIP, False), (roles.DATA_ENTRY, True)])
def test_it_shows_the_portal_edit_buttons_only_to_roles_that_may_use_them(client, make_user, role, shown):
    client.force_login(make_user("nguoi-dung", role))
    coop = _coop()
    someone = Person.objects.order_by("pk").first()
    awards_page = client.get("/awards/2021/").content.decode()
    assert ("/admin/awards/decision/add/" in awards_page) is shown
    assert ("Nhập quyết định khen thưởng" in awards_page) is shown
    coop_page = client.get(f"/registry/htx/{coop.pk}/").content.decode()
    assert (f"/admin/registry/cooperative/{coop.pk}/change/" in coop_page) is shown
    person_page = client.get(f"/awards/person/{someone.pk}/").content.decode()
    assert (f"/admin/awards/person/{someone.pk}/change/" in person_page) is shown


# A 403 is one line in the log.


class _Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


def test_it_logs_a_403_as_one_line_without_a_traceback(client, make_user):
    client.force_login(make_user("lanhdao-3", roles.LEADERSHIP))
    seen = _Records()
    logger = logging.getLogger("django.request")
    logger.addHandler(seen)
    try:
        assert client.get("/admin/awards/decision/add/").status_code == 403
    finally:
        logger.removeHandler(seen)
    [record] = seen.records
    assert record.getMessage() == "Forbidden (Permission denied): /admin/awards/decision/add/"
    assert record.exc_info is None
    # Django's loggers print through one handler only (not a second one under DEBUG).
    from django.utils.log import RequireDebugTrue

    django_logger = logging.getLogger("django")
    assert django_logger.propagate is False
    assert not [h for h in django_logger.handlers if any(isinstance(f, RequireDebugTrue) for f in h.filters)]


def test_it_keeps_the_traceback_of_a_server_error():
    from coopportal.lib.logs import OneLineClientErrors

    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", (), (ValueError, None, None))
    record.status_code = 500
    assert OneLineClientErrors().filter(record) and record.exc_info is not None
