"""GRC: resolve or waive findings (missing, unmeasurable, conflicts) with a note."""

from __future__ import annotations

import streamlit as st

from register import services
from review_ui.common import pick_customer, run_action, session_scope, signed_in_user

st.title("Findings")
user = signed_in_user()
customer_id = pick_customer("findings_customer")
status = st.radio("Status", ["open", "resolved", "waived"], horizontal=True, key="f_status")

with session_scope() as s:
    rows = [
        (
            f.id,
            f.row_version,
            f.rule,
            f.category,
            f.severity,
            f.message,
            f.quote,
            f.suggestion,
            f.resolution_note,
        )
        for f in services.list_findings(s, customer_id=customer_id, status=status)
    ]
st.caption(f"{len(rows)} {status} findings")
icons = {"error": "🔴", "warning": "🟠", "info": "🔵"}
for fid, version, rule, category, severity, message, quote, suggestion, note in rows:
    with st.container(border=True):
        st.markdown(f"{icons.get(severity, '')} **{rule}** ({category}, {severity}) — {message}")
        if quote:
            st.markdown(f"> {quote}")
        if suggestion:
            st.markdown(f"*suggested:* {suggestion}")
        if note:
            st.markdown(f"*resolution:* {note}")
        if status == "open":
            text = st.text_input("note", key=f"note{fid}", placeholder="why")
            c1, c2 = st.columns(2)
            for col, label, waive in ((c1, "Resolve", False), (c2, "Waive", True)):
                if col.button(label, key=f"{label}{fid}", disabled=user is None) and run_action(
                    label.lower(),
                    services.resolve_finding,
                    actor=user,
                    finding_id=fid,
                    note=text,
                    waive=waive,
                    expected_version=version,
                ):
                    st.rerun()
