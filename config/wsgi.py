"""WSGI entry point (gunicorn config.wsgi)."""

import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

try:
    application = get_wsgi_application()
except ImproperlyConfigured as error:  # one clear line in the server's log instead of a traceback
    sys.exit(f"Factdeck cannot start: {error}")
