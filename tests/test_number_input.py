"""Numbers typed as the portal shows them: "500.000.000", "1.234", "64,5" in
Vietnamese, "500,000,000", "64.5" in English; anything ambiguous or
malformed is refused in the user's language, never rescaled."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from coopportal.lib.forms import DecimalNumberField, WholeNumberField
from coopportal.lib.numbers import NumberError, parse_number, parse_whole_number
from planning.models import Target
from registry.excel.values import CellError, parse_integer
from registry.models import CooperativeReport
from tests.form_helpers import admin_form_data

VI = {"decimal": ",", "group": "."}
EN = {"decimal": ".", "group": ","}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("500.000.000", Decimal(500_000_000)),
        ("1.234", Decimal(1234)),
        ("64,5", Decimal("64.5")),
        ("1.234.567,5", Decimal("1234567.5")),
        ("500 000 000", Decimal(500_000_000)),
        ("500\u00a0000\u00a0000", Decimal(500_000_000)),
        ("  42 ", Decimal(42)),
        ("500000000", Decimal(500_000_000)),
        ("1.000.000.000.000", Decimal(10**12)),
        ("-1.500.000", Decimal(-1_500_000)),
        ("0,125", Decimal("0.125")),
        ("1.234,567", Decimal("1234.567")),
    ],
)
def test_it_reads_vietnamese_numbers(text, expected):
    assert parse_number(text, **VI) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("500,000,000", Decimal(500_000_000)),
        ("1,234", Decimal(1234)),
        ("64.5", Decimal("64.5")),
        ("1,234,567.5", Decimal("1234567.5")),
        ("1,000,000,000,000", Decimal(10**12)),
    ],
)
def test_it_reads_english_numbers(text, expected):
    assert parse_number(text, **EN) == expected


@pytest.mark.parametrize(
    "text",
    ["12.34", "64.5", "1.2345", "0.500", "1..000", "5,", ",5", "abc", "1e9", "NaN", "", "+5", "500,000,000", "1" * 41],
)
def test_it_refuses_malformed_vietnamese_numbers(text):
    with pytest.raises(NumberError) as error:
        parse_number(text, **VI)
    assert error.value.code == "invalid"


@pytest.mark.parametrize("text", ["500.000.000", "64,5", "12,34", "1,2345"])
def test_it_refuses_malformed_english_numbers(text):
    with pytest.raises(NumberError) as error:
        parse_number(text, **EN)
    assert error.value.code == "invalid"


@pytest.mark.parametrize(
    ("text", "separators", "grouped", "decimal"),
    [
        ("500,000", VI, "500.000", "500"),
        ("1,500", VI, "1.500", "1,5"),
        ("-2,250", VI, "-2.250", "-2,25"),
        ("1.500", EN, "1,500", "1.5"),
    ],
)
def test_it_refuses_three_decimals_that_read_as_grouping_elsewhere(text, separators, grouped, decimal):
    with pytest.raises(NumberError) as error:
        parse_number(text, **separators)
    assert error.value.code == "ambiguous"
    assert (error.value.params["grouped"], error.value.params["decimal"]) == (grouped, decimal)


def test_it_reads_whole_numbers_and_refuses_fractions():
    assert parse_whole_number("1.234,00", **VI) == 1234
    assert parse_whole_number("1.000.000.000.000", **VI) == 1_000_000_000_000
    with pytest.raises(NumberError) as error:
        parse_whole_number("1,5", **VI)
    assert error.value.code == "not_whole"


def test_the_importer_reads_numbers_with_the_same_parser():
    with translation.override("vi"):
        assert parse_integer("1.234.567") == 1_234_567
        assert parse_integer("500 000 000") == 500_000_000
        assert parse_integer("1.234.567,00") == 1_234_567
        with pytest.raises(CellError, match=r"nhóm hàng nghìn bằng “\.”"):
            parse_integer("12.34")
        with pytest.raises(CellError, match="có thể hiểu theo hai cách"):
            parse_integer("500,000")


# Form fields, in the active language.


def test_a_whole_number_field_reads_and_shows_the_active_language():
    field = WholeNumberField()
    with translation.override("vi"):
        assert field.clean("500.000.000") == 500_000_000
        shown = field.widget.render("n", 500_000_000)
        assert shown == '<input type="text" name="n" value="500.000.000" inputmode="numeric">'
        with pytest.raises(ValidationError) as error:
            field.clean("500,000,000")
        assert error.value.messages == [
            "“500,000,000” không phải là một số viết đúng cách: nhóm hàng nghìn bằng “.” "
            "và viết phần thập phân sau “,”, ví dụ 1.234.567,5."
        ]
    with translation.override("en"):
        assert field.clean("500,000,000") == 500_000_000
        shown = field.widget.render("n", 500_000_000)
        assert shown == '<input type="text" name="n" value="500,000,000" inputmode="numeric">'
        with pytest.raises(ValidationError) as error:
            field.clean("500.000.000")
        assert error.value.messages == [
            "“500.000.000” is not a number as written here: group thousands with “,” "
            "and write decimals after “.”, e.g. 1,234,567.5."
        ]


def test_a_decimal_field_keeps_its_decimal_places_and_never_rounds():
    field = DecimalNumberField(max_digits=16, decimal_places=2)
    with translation.override("vi"):
        assert field.clean("64,5") == Decimal("64.5")
        assert field.clean("1.234.567,25") == Decimal("1234567.25")
        assert field.widget.render("v", Decimal("1234567.50")) == (
            '<input type="text" name="v" value="1.234.567,50" inputmode="decimal">'
        )
        with pytest.raises(ValidationError) as error:
            field.clean("64,5555")
        assert error.value.messages == ["Hãy chắc chắn rằng không có nhiều hơn 2 chữ số thập phân."]
    with translation.override("en"):
        assert field.clean("64.5") == Decimal("64.5")


# The admin, as an officer types.


def _report():
    return CooperativeReport.objects.order_by("pk").first()


@pytest.mark.django_db
def test_the_admin_saves_grouped_amounts_typed_in_vietnamese(admin_client):
    report = _report()
    url = f"/admin/registry/cooperativereport/{report.pk}/change/"
    page = admin_client.get(url)
    assert 'name="revenue" value="' in page.content.decode()
    data = admin_form_data(page)
    data.update({"avg_income": "64.000.000", "revenue": "1.200.000.000", "members": "1.234", "profit": "-2.500.000"})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    report.refresh_from_db()
    assert (report.avg_income, report.revenue, report.members, report.profit) == (
        64_000_000,
        1_200_000_000,
        1234,
        -2_500_000,
    )


@pytest.mark.django_db
def test_the_admin_shows_amounts_grouped_and_years_plain(admin_client):
    report = _report()
    report.revenue = 1_200_000_000
    report.save()
    page = admin_client.get(f"/admin/registry/cooperativereport/{report.pk}/change/").content.decode()
    assert 'name="revenue" value="1.200.000.000" inputmode="numeric"' in page
    assert f'name="year" value="{report.year}" inputmode="numeric"' in page


@pytest.mark.django_db
def test_the_admin_refuses_an_ambiguous_amount_and_saves_nothing(admin_client):
    report = _report()
    before = report.avg_income
    url = f"/admin/registry/cooperativereport/{report.pk}/change/"
    data = admin_form_data(admin_client.get(url))
    data["avg_income"] = "64,000"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["avg_income"] == [
        "“64,000” có thể hiểu theo hai cách: viết 64.000 nếu là số nguyên, hoặc 64."
    ]
    # the admin's banner in Vietnamese too (Django's catalogue lacks its plural form)
    assert "Vui lòng sửa các lỗi dưới đây." in response.content.decode()
    assert "Please correct the error" not in response.content.decode()
    report.refresh_from_db()
    assert report.avg_income == before


@pytest.mark.django_db
def test_the_admin_in_english_reads_english_numbers_and_refuses_vietnamese_ones(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    report = _report()
    url = f"/admin/registry/cooperativereport/{report.pk}/change/"
    data = admin_form_data(admin_client.get(url))
    data["revenue"] = "500.000.000"
    response = admin_client.post(url, data)
    assert response.context["adminform"].form.errors["revenue"] == [
        "“500.000.000” is not a number as written here: group thousands with “,” "
        "and write decimals after “.”, e.g. 1,234,567.5."
    ]
    data["revenue"] = "500,000,000"
    assert admin_client.post(url, data).status_code == 302
    report.refresh_from_db()
    assert report.revenue == 500_000_000


@pytest.mark.django_db
def test_a_target_takes_a_decimal_with_a_comma(admin_client):
    target = Target.objects.order_by("pk").first()
    url = f"/admin/planning/target/{target.pk}/change/"
    data = admin_form_data(admin_client.get(url))
    data["value"] = "64,5"
    assert admin_client.post(url, data).status_code == 302
    target.refresh_from_db()
    assert target.value == Decimal("64.50")
