"""Legal: confirm, edit or reject proposed entries beside their source text."""

from __future__ import annotations

import json

import streamlit as st

from register import services
from register.export import clause_label
from register.schemas import describe
from review_ui.common import context_of, pick_customer, run_action, session_scope, signed_in_user

st.title("Review proposed SLA entries")
user = signed_in_user()
customer_id = pick_customer("review_customer")

with session_scope() as s:
    entries = [
        (
            e.id,
            e.row_version,
            e.kind,
            dict(e.attrs),
            e.quote,
            e.span_start,
            e.span_end,
            e.document.file_name if e.document else "?",
            e.document.text if e.document else "",
            clause_label(e),
            e.confidence,
        )
        for e in services.list_entries(s, customer_id=customer_id, status="proposed")
    ]

st.caption(f"{len(entries)} proposals waiting for review")
for eid, version, kind, attrs, quote, start, end, doc_name, text, clause, conf in entries:
    with st.container(border=True):
        left, right = st.columns([3, 2])
        with left:
            st.markdown(f"**{doc_name}**, clause {clause or '—'}")
            if text and start is not None and end is not None:
                st.markdown(context_of(text, start, end), unsafe_allow_html=True)
            else:
                st.markdown(f"“{quote}”")
        with right:
            st.markdown(f"**{kind}** — {describe(kind, attrs)}  \nconfidence {conf or 0:.2f}")
            edited = st.text_area(
                "values (JSON)", json.dumps(attrs, indent=1), key=f"attrs{eid}", height=140
            )
            c1, c2 = st.columns(2)
            if c1.button("Confirm", key=f"confirm{eid}", disabled=user is None):
                try:
                    new = json.loads(edited)
                except json.JSONDecodeError as exc:
                    st.error(f"the values are not valid JSON: {exc}")
                else:
                    edits = {k: v for k, v in new.items() if attrs.get(k) != v}
                    if run_action(
                        "confirm",
                        services.confirm_entry,
                        actor=user,
                        entry_id=eid,
                        edits=edits or None,
                        expected_version=version,
                    ):
                        st.rerun()
            if c2.button("Reject", key=f"reject{eid}", disabled=user is None) and run_action(
                "reject", services.reject_entry, actor=user, entry_id=eid, expected_version=version
            ):
                st.rerun()
