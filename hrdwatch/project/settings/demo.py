"""The demo site: production-like (DEBUG off) but served locally by Django with WhiteNoise."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = SECRET_KEY or "demo-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
ALLOWED_HOSTS = ["*"]
