"""The web desk (``claimdesk serve``): a local page and JSON API over the same SDK.

Needs the ``web`` extra (``pip install 'claimdesk[web]'``: Starlette and uvicorn).
"""

from assistant.web.app import create_app

__all__ = ["create_app"]
