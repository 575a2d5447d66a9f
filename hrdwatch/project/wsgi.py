"""WSGI entry point for gunicorn (see docs/deploy.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.production")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402

settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
