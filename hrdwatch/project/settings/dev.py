"""Local development and the demo: DEBUG on, a fixed development key."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
