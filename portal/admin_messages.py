"""Messages of Django's own admin that its Vietnamese catalogue lacks.

The admin's change form asks for "Please correct the error below." as a
plural message; Django's Vietnamese catalogue has only the older singular
entries, so the banner showed in English above every refused form (a stale
edit, a number typed wrong). Marked here so that ``makemessages`` keeps the
entry in our catalogue, which takes precedence over Django's."""

from django.utils.translation import ngettext_lazy

ADMIN_MESSAGES = [
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", 1),
]
