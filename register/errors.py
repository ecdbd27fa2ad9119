"""Errors of the register. Each message says what was wrong and what to do."""

from __future__ import annotations


class RegisterError(Exception):
    """Base of every error the register raises on purpose."""


class PermissionDenied(RegisterError):
    def __init__(self, actor: str, role: str, action: str, allowed: list[str]) -> None:
        super().__init__(
            f"{actor} (role {role}) may not {action}; this needs one of: {', '.join(allowed)}. "
            "Ask an admin for a user with that role."
        )
        self.actor, self.role, self.action = actor, role, action


class NotFound(RegisterError):
    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"{what} {key!r} not found in the register")
        self.what, self.key = what, key


class StaleVersion(RegisterError):
    """Somebody else changed the row since the caller read it (optimistic locking)."""

    def __init__(self, what: str, key: object, by: str | None, at: str | None) -> None:
        who = by or "another user"
        when = f" at {at}" if at else ""
        super().__init__(f"{what} {key} was changed by {who}{when}; reload it and try again")
        self.by, self.at = by, at


class InvalidState(RegisterError):
    """The operation does not apply to the object in its current state."""


class InvalidInput(RegisterError):
    """A value given to a service function is not acceptable."""


class AuditChainBroken(RegisterError):
    def __init__(self, seq: int, event_id: int, reason: str) -> None:
        super().__init__(f"audit event #{seq} (id {event_id}) is broken: {reason}")
        self.seq, self.event_id, self.reason = seq, event_id, reason
