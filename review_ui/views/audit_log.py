"""The audit log: verify the hash chain, read the newest events."""

from __future__ import annotations

import streamlit as st

from register import audit
from review_ui.common import session_scope, signed_in_user

st.title("Audit log")
signed_in_user()
with session_scope() as s:
    result = audit.verify(s)
    rows = audit.recent(s, limit=200)
if result.ok:
    st.success(f"Chain intact: {result.events} events")
else:
    st.error(f"Chain broken at event #{result.broken_seq}: {result.reason}")
st.dataframe(rows, width="stretch", hide_index=True)
