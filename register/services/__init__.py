"""Service functions: the only way to write the register.

Each takes a keyword-only `session` and the acting user, checks the role
(register.permissions), writes, appends the audit event, and flushes. The caller owns the
transaction (`with session.begin(): ...`).
"""

from register.services.documents import (
    get_document,
    get_or_create_customer,
    get_or_create_service,
    ingest_document,
    list_documents,
    set_document_status,
    supersede_document,
)
from register.services.entries import (
    confirm_entry,
    edit_entry,
    get_entry,
    list_entries,
    propose_entries,
    reject_entry,
)
from register.services.findings import list_findings, record_findings, resolve_finding
from register.services.users import add_user, authenticate, get_user, system_actor

__all__ = [
    "add_user",
    "authenticate",
    "confirm_entry",
    "edit_entry",
    "get_document",
    "get_entry",
    "get_or_create_customer",
    "get_or_create_service",
    "get_user",
    "ingest_document",
    "list_documents",
    "list_entries",
    "list_findings",
    "propose_entries",
    "record_findings",
    "reject_entry",
    "resolve_finding",
    "set_document_status",
    "supersede_document",
    "system_actor",
]
