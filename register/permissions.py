"""Who may do what: the one table every service function checks."""

from __future__ import annotations

from register.errors import PermissionDenied
from register.models import ROLES, User

EVERYONE = frozenset(ROLES)

PERMISSIONS: dict[str, frozenset[str]] = {
    "read": EVERYONE,
    "user.add": frozenset({"admin"}),
    "user.deactivate": frozenset({"admin"}),
    "customer.create": frozenset({"legal", "grc", "admin"}),
    "service.create": frozenset({"legal", "grc", "service_owner", "admin"}),
    "document.ingest": frozenset({"legal", "grc", "admin"}),
    "document.set_status": frozenset({"legal", "admin"}),
    "document.supersede": frozenset({"legal", "admin"}),
    "entry.propose": frozenset({"legal", "grc", "admin"}),
    "entry.confirm": frozenset({"legal", "admin"}),
    "entry.reject": frozenset({"legal", "admin"}),
    "entry.edit": frozenset({"legal", "admin"}),
    "finding.record": frozenset({"legal", "grc", "admin"}),
    "finding.resolve": frozenset({"grc", "legal", "admin"}),
    "finding.waive": frozenset({"grc", "admin"}),
    "measurement.import": frozenset({"service_owner", "admin"}),
    "measurement.run": frozenset({"service_owner", "grc", "admin"}),
}


def allowed_roles(action: str) -> frozenset[str]:
    try:
        return PERMISSIONS[action]
    except KeyError:
        raise ValueError(f"no permission rule for action {action!r}") from None


def require(actor: User, action: str) -> None:
    """Raise PermissionDenied unless `actor` is active and its role may do `action`."""
    roles = allowed_roles(action)
    if not actor.active or actor.role not in roles:
        role = actor.role if actor.active else f"{actor.role}, deactivated"
        raise PermissionDenied(actor.name, role, action, sorted(roles))
