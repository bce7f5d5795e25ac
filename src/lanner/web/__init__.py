"""The analyst's desk: `lanner serve`, server-rendered pages with JSON, CSV and GeoJSON twins, and the REST API."""

from lanner.web.app import WebSettings, create_app, error_envelope, new_token
from lanner.web.server import serve

__all__ = ["WebSettings", "create_app", "error_envelope", "new_token", "serve"]
