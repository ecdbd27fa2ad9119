"""/extract and /lint: the pure checks over an uploaded document; nothing is stored."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile

from api.deps import UserDep
from extractor.config import Limits
from extractor.pipeline import extract
from mapper.lint import lint_documents
from register.errors import InvalidInput
from register.permissions import require

router = APIRouter(tags=["analysis"])


async def _read(request: Request, file: UploadFile) -> tuple[bytes, str, Limits]:
    limits: Limits = request.app.state.limits
    data = await file.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise InvalidInput(f"{file.filename}: larger than the {limits.max_bytes} byte limit")
    return data, file.filename or "upload", limits


@router.post("/extract")
async def extract_document(
    request: Request, user: UserDep, file: Annotated[UploadFile, File()], with_text: bool = False
) -> dict[str, Any]:
    """The Extraction record (slareg.extraction/1) of the uploaded document."""
    require(user, "read")
    data, name, limits = await _read(request, file)
    return extract(data, name, limits=limits).to_dict(with_text=with_text)


@router.post("/lint")
async def lint_documents_route(
    request: Request, user: UserDep, files: Annotated[list[UploadFile], File()]
) -> dict[str, Any]:
    """The Finding record (slareg.findings/1) of the uploaded documents, as one set."""
    require(user, "read")
    extractions = []
    for f in files:
        data, name, limits = await _read(request, f)
        extractions.append(extract(data, name, limits=limits))
    return lint_documents(extractions).to_dict()
