"""The HTTP API: `create_app(settings)`."""

from __future__ import annotations

from fastapi import FastAPI

from api import errors
from api.context import limits_for
from api.routes import admin, analysis, customers, documents, entries, findings
from register.db import make_engine, upgrade
from register.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="slareg",
        version="0.1.0",
        description="The SLA register: documents, entries, findings, audit.",
    )
    engine = make_engine(settings.database_url)
    upgrade(engine)
    app.state.engine = engine
    app.state.limits = limits_for(settings)
    errors.install(app)
    routers = (admin, analysis, customers, documents, entries, findings)
    for router in (r.router for r in routers):
        app.include_router(router)
    return app
