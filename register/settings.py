"""The one Settings (environment variables prefixed SLAREG_).

Defined here so both interfaces (api/, review_ui/) share it; only they instantiate it and
pass values down. Library code never reads the environment.
"""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SLAREG_", extra="ignore")

    database_url: str = f"sqlite:///{Path.cwd() / 'slareg.db'}"
    # limits for documents read by the extractor
    max_pages: int = 2000
    max_bytes: int = 50 * 1024 * 1024
    max_docx_uncompressed_bytes: int = 200 * 1024 * 1024


def get_settings() -> Settings:
    return Settings()
