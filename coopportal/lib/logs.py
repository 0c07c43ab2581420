"""Logging filters."""

import logging


class OneLineClientErrors(logging.Filter):
    """A refused or missing page (4xx) is logged as its one line, e.g.
    "Forbidden (Permission denied): /admin/…", without the traceback of the
    PermissionDenied or Http404 behind it; server errors keep theirs."""

    def filter(self, record):
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
