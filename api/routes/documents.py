"""/documents: list, read, download the controlled copy, upload (ingest)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from api.deps import SessionDep, UserDep
from extractor.config import Limits
from register import services
from register.errors import InvalidInput
from register.ingest import ingest_file
from register.permissions import require
from register.schemas import DocumentRead

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=list[DocumentRead])
def list_documents(session: SessionDep, user: UserDep, customer_id: int | None = None) -> Any:
    require(user, "read")
    return services.list_documents(session, customer_id=customer_id)


@router.get("/{document_id}", response_model=DocumentRead)
def get_document(document_id: int, session: SessionDep, user: UserDep) -> Any:
    require(user, "read")
    return services.get_document(session, document_id=document_id)


@router.get("/{document_id}/content")
def download(document_id: int, session: SessionDep, user: UserDep) -> Response:
    require(user, "read")
    doc = services.get_document(session, document_id=document_id)
    headers = {"Content-Disposition": f'attachment; filename="{doc.file_name}"'}
    return Response(doc.content, media_type=doc.media_type, headers=headers)


@router.post("", status_code=201)
async def upload(
    request: Request,
    session: SessionDep,
    user: UserDep,
    file: Annotated[UploadFile, File()],
    customer: Annotated[str, Form(min_length=1)],
    service: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    """Ingest a document for a customer: stored once, terms proposed, findings recorded."""
    require(user, "document.ingest")
    limits: Limits = request.app.state.limits
    data = await file.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise InvalidInput(f"{file.filename}: larger than the {limits.max_bytes} byte limit")
    name = file.filename or "upload"
    outcome = ingest_file(
        session,
        actor=user,
        data=data,
        name=name,
        customer=customer,
        service=service,
        limits=limits,
    )
    return {
        "document": DocumentRead.model_validate(outcome.document).model_dump(mode="json"),
        "created": outcome.created,
        "entries": [e.id for e in outcome.entries],
        "findings": [f.id for f in outcome.findings],
        "notes": outcome.notes,
    }
