import time

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class PortalLocaleMiddleware:
    """Vietnamese unless the user chose English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language,
    and many officers' browsers ask for English; the portal's language is a
    choice made in the portal, kept in the language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class ContentSecurityPolicyMiddleware:
    """Sets the Content-Security-Policy: only the portal's own scripts,
    styles, images and fonts; no inline scripts, no framing, forms post
    only to the portal. The pages are written to satisfy it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(
            f"{directive} {sources}" for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class SessionIdleMiddleware:
    """Keep a signed-in session alive while it is used, ending it after
    SESSION_COOKIE_AGE seconds without a request.

    Django's SESSION_SAVE_EVERY_REQUEST would write the session row on every
    request; this writes it at most once a minute, which moves the idle
    deadline by at most that much."""

    REFRESH_SECONDS = 60
    KEY = "_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= self.REFRESH_SECONDS:
                session[self.KEY] = now  # marks the session modified: saved with a new expiry
        return self.get_response(request)
