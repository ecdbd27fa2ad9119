"""CLI commands: serve (HTTP API) and ui (Streamlit review app)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

UI_APP = Path(__file__).resolve().parents[2] / "review_ui" / "app.py"


def install(app: typer.Typer) -> None:
    """Add this module's commands to the `slareg` app."""
    app.command("serve")(serve)
    app.command("ui")(ui)


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Run the HTTP API (OpenAPI docs at /docs) on the configured register."""
    import uvicorn

    from api.app import create_app

    uvicorn.run(create_app(), host=host, port=port)


def ui(
    port: Annotated[int, typer.Option(help="TCP port.")] = 8501,
    as_user: Annotated[
        str | None,
        typer.Option("--as", help="Sign in as this register user (local use; else an API key)."),
    ] = None,
) -> None:
    """Open the review app (Streamlit) on the configured register."""
    env = dict(os.environ)
    if as_user:
        env["SLAREG_UI_USER"] = as_user
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(UI_APP),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    raise typer.Exit(subprocess.call(cmd, env=env))
