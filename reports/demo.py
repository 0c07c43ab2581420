"""The demo province's report settings: the Alliance of the seed article
(../shared/seed), whose Chairman Đỗ Nhân Đạo signs, reporting to the
province and to the Vietnam Cooperative Alliance."""

from django.conf import settings

from reports.models import ReportSettings

DEMO_SETTINGS = {
    "parent_body": "UBND TỈNH LÀO CAI",
    "issuing_body": "LIÊN MINH HTX TỈNH LÀO CAI",
    "document_code": "BC-LMHTX",
    "place": "Lào Cai",
    "former_province": "Yên Bái",
    "former_until_year": 2025,
    "signer_authority": "",
    "signer_title": "CHỦ TỊCH",
    "signer_name": "Đỗ Nhân Đạo",
    "recipients": "UBND tỉnh;\nLiên minh HTX Việt Nam;\nLưu: VT.",
}


def load_demo_report_settings():
    """Create the demo province's settings once; an administrator's later
    edits are kept. Returns the record."""
    found, _created = ReportSettings.objects.get_or_create(
        province_id=settings.HOME_PROVINCE_CODE, defaults=DEMO_SETTINGS
    )
    return found


def load_demo(seed=None):
    """ReportsConfig.demo_loader: the demo settings, as one line for ``load_demo``."""
    return f"Demo report settings: {load_demo_report_settings()}."
