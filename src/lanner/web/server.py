"""Running the app: open the store, build the app, hand it to uvicorn. `lanner serve` wraps `serve`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lanner.web.app import WebSettings, create_app


def serve(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    settings: WebSettings | None = None,
    pipeline_factory: Callable[[], Any] | None = None,
    log_level: str = "warning",
) -> None:
    """Serve the database at `db` (a SQLite path or a PostgreSQL URL) until interrupted."""
    import uvicorn

    from lanner.store import open_store

    store = open_store(db)
    try:
        app = create_app(store, settings, pipeline_factory=pipeline_factory)
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
    finally:
        store.close()
