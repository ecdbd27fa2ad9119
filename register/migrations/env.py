"""Alembic environment: the engine comes from register.db (or SLAREG_DATABASE_URL)."""

from __future__ import annotations

import os

from alembic import context

from register.db import make_engine
from register.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = make_engine(os.environ.get("SLAREG_DATABASE_URL", "sqlite:///slareg.db"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
