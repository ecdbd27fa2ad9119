"""The Alembic migrations and the SQLAlchemy models describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Engine, Integer, MetaData, String, Table

from register.models import Base


def _diff(engine: Engine, metadata: MetaData) -> list[object]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, metadata))


def test_models_match_migrations(engine: Engine) -> None:
    assert _diff(engine, Base.metadata) == []


def test_drift_is_detected(engine: Engine) -> None:
    """The check above can fail: a model change without a migration shows up."""
    drifted = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(drifted)
    Table("review_minutes", drifted, Column("id", Integer, primary_key=True))
    drifted.tables["customers"].append_column(Column("segment", String(40)))
    diff = _diff(engine, drifted)
    kinds = {d[0] if isinstance(d, tuple) else d[0][0] for d in diff}  # type: ignore[index]
    assert "add_table" in kinds and "add_column" in kinds
