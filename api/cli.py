"""`slareg`: the command line. Thin: parse, call a service, print.

Each command lives in a module of api/commands/ with an `install(app)` function. `main()`
imports only the modules of the command being run (`slareg lint` never loads the database
stack, the web framework or the measurement engine, which would cost it half a second
before any work); `app`, the whole command tree, is built on first use (help, tests,
docs/cli.md).
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Iterable
from functools import cache

import typer

# command name -> the modules that install it (in order)
COMMANDS: dict[str, tuple[str, ...]] = {
    "db": ("admin",),
    "users": ("admin",),
    "register": ("admin",),
    "audit": ("admin",),
    "demo": ("demo",),
    "extract": ("extract",),
    "lint": ("lint",),
    "ingest": ("ingest",),
    "measure": ("measure", "measure_register"),
    "eval": ("evaluate",),
    "serve": ("serve",),
    "ui": ("serve",),
}
LONG_RUNNING = {"serve", "ui"}  # servers keep Python's default collection thresholds
HELP = "slareg: extract, check, register and measure service level agreements."


def build_app(commands: Iterable[str] | None = None) -> typer.Typer:
    """The app with `commands` (None: all of them)."""
    names = COMMANDS if commands is None else list(commands)
    modules = dict.fromkeys(m for name in names for m in COMMANDS[name])
    app = typer.Typer(
        name="slareg",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def _root() -> None:
        """Keeps `slareg` a group of commands even when only one is installed."""

    for module in modules:
        importlib.import_module(f"api.commands.{module}").install(app)
    return app


@cache
def _full_app() -> typer.Typer:
    return build_app()


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return _full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _command_of(argv: list[str]) -> str | None:
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in COMMANDS else None


def main() -> None:
    # One short run that builds large pipelines and many small objects: collect young
    # objects less often, and when the command is done let the exit skip the search of
    # the whole heap for reference cycles (~0.25 s after a long lint).
    command = _command_of(sys.argv[1:])
    if command not in LONG_RUNNING:
        gc.set_threshold(50_000, 50, 100)
    app = build_app([command]) if command else _full_app()
    try:
        app()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
