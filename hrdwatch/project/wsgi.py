"""WSGI entry point for gunicorn (see docs/deploy.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.production")
application = get_wsgi_application()
