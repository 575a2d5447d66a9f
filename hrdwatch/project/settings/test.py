"""Settings for the test suite: fast hashing, in-memory mail, eager tasks.

HRDWATCH_TEST_DB_NAME lets parallel runs use different PostgreSQL test databases.
"""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"}
}
if os.environ.get("HRDWATCH_TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["HRDWATCH_TEST_DB_NAME"]}  # noqa: F405
WHITENOISE_AUTOREFRESH = True  # serve from the finders; no collectstatic in tests
