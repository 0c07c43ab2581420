import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_CODE = re.compile(r"\d{10}")


def validate_registration_code(value):
    """An HTX registration code is its 10-digit enterprise/tax code.

    Branch codes (13 digits, "##########-###") belong to branches, which the
    registry does not keep, so they are refused with a message saying so.
    """
    code = (value or "").strip()
    if _CODE.fullmatch(code):
        return
    if re.fullmatch(r"\d{10}-\d{3}", code):
        raise ValidationError(
            _("%(value)s is a branch code; enter the cooperative's own 10-digit code."),
            code="branch_code",
            params={"value": value},
        )
    raise ValidationError(
        _("A registration code is exactly 10 digits, e.g. 5200123456; got “%(value)s”."),
        code="invalid_registration_code",
        params={"value": value},
    )
