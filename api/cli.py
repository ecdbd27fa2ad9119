"""`slareg`: the command line. Thin: parse, call a service, print."""

from __future__ import annotations

import typer

from api.commands import (
    admin,
    demo,
    evaluate,
    extract,
    ingest,
    lint,
    measure,
    measure_register,
    serve,
)

app = typer.Typer(
    name="slareg",
    help="slareg: extract, check, register and measure service level agreements.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (admin, demo, extract, lint, ingest, measure, measure_register, evaluate, serve):
    module.install(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
