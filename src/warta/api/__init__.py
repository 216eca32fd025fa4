"""The HTTP service: `create_app(settings, db_path)` is the API and the dashboard in one app."""

from warta.api.app import create_app

__all__ = ["create_app"]
