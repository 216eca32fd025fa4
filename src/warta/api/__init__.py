"""The HTTP API: `create_api(settings, db_path)`; `warta.web.create_app` adds the dashboard to it."""

from warta.api.app import create_api

__all__ = ["create_api"]
