"""The local HTTP service (`newsbridge serve`): FastAPI app, micro-batching, editors' page."""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
