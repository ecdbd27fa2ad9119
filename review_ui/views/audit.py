"""The audit log: verify the hash chain, read the newest events."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import select

from register import audit
from register.models import AuditEvent
from review_ui.common import session_scope, signed_in_user

st.title("Audit log")
signed_in_user()
with session_scope() as s:
    result = audit.verify(s)
    events = s.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(200)).scalars()
    rows = [
        {
            "seq": e.seq,
            "at": e.at.isoformat(timespec="seconds"),
            "actor": e.actor,
            "action": e.action,
            "entity": f"{e.entity_type} {e.entity_id}",
        }
        for e in events
    ]
if result.ok:
    st.success(f"Chain intact: {result.events} events")
else:
    st.error(f"Chain broken at event #{result.broken_seq}: {result.reason}")
st.dataframe(rows, use_container_width=True, hide_index=True)
