"""Test settings: the real settings module with the environment a test run
needs filled in (DEBUG stays off, as in production)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-" + "k" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("DEBUG", "0")
# Tests talk plain HTTP to the test client and the live server.
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")

from coopportal.settings import *  # noqa: F403

# Hashing is not what the tests measure.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405

# WhiteNoise warns when the collected-static folder is missing; tests do not collect.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Figures are cached per registry version in production; the tests measure
# the uncached work (and tests/test_figures_cache.py the cache itself).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

# Background jobs run at once, in the test's thread and transaction
# (tests/test_jobs.py runs one in a thread of its own as well).
JOBS_RUN_INLINE = True
JOBS_DIR = BASE_DIR / "var" / "test-jobs"  # noqa: F405
