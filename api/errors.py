"""HTTP problem responses (RFC 9457) for every error the packages raise on purpose."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from extractor.errors import ExtractionError
from register.errors import (
    InvalidInput,
    InvalidState,
    NotFound,
    PermissionDenied,
    RegisterError,
    StaleVersion,
)


class Unauthorized(Exception):
    pass


STATUS: list[tuple[type[Exception], int, str]] = [
    (Unauthorized, 401, "unauthorized"),
    (PermissionDenied, 403, "permission-denied"),
    (NotFound, 404, "not-found"),
    (StaleVersion, 409, "stale-version"),
    (InvalidState, 409, "invalid-state"),
    (InvalidInput, 422, "invalid-input"),
    (ExtractionError, 422, "unreadable-document"),
    (RegisterError, 400, "register-error"),
]


def problem(status: int, kind: str, detail: str, **extra: object) -> JSONResponse:
    body = {
        "type": f"https://slareg.dev/problems/{kind}",
        "title": kind.replace("-", " "),
        "status": status,
        "detail": detail,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type="application/problem+json")


async def handle_exception(request: Request, exc: Exception) -> JSONResponse:
    for cls, status, kind in STATUS:
        if isinstance(exc, cls):
            return problem(status, kind, str(exc))
    raise exc


async def handle_validation(request: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in errors
    )
    return problem(422, "invalid-request", detail or str(exc), errors=errors)


def install(app: FastAPI) -> None:
    for cls, _status, _kind in STATUS:
        app.add_exception_handler(cls, handle_exception)
    app.add_exception_handler(RequestValidationError, handle_validation)
