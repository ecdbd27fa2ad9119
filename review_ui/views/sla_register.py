"""The register: confirmed entries per customer and service, and their export."""

from __future__ import annotations

import streamlit as st

from register import services
from register.export import entries_to_sla, sla_yaml
from register.schemas import describe
from review_ui.common import pick_customer, session_scope, signed_in_user

st.title("SLA register")
signed_in_user()
customer_id = pick_customer("register_customer")
status = st.selectbox("Status", ["confirmed", "proposed", "rejected", "superseded"], key="r_status")

with session_scope() as s:
    entries = services.list_entries(s, customer_id=customer_id, status=status)
    rows = [
        {
            "id": e.id,
            "version": e.version,
            "service": e.service.name if e.service else "",
            "kind": e.kind,
            "value": describe(e.kind, dict(e.attrs)),
            "document": e.document.file_name if e.document else "",
            "clause": e.clause or "",
            "quote": e.quote or "",
        }
        for e in entries
    ]
    by_service: dict[str | None, list] = {}
    for e in entries:
        by_service.setdefault(e.service.name if e.service else None, []).append(e)
    customer_name = entries[0].customer.name if entries and entries[0].customer else "customer"
    exports = (
        {
            svc: sla_yaml(entries_to_sla(customer=customer_name, service=svc, entries=group))
            for svc, group in by_service.items()
        }
        if status == "confirmed"
        else {}
    )

st.dataframe(rows, width="stretch", hide_index=True)
for svc, text in exports.items():
    st.download_button(
        f"Download {svc or 'all services'}.sla.yaml",
        text,
        file_name=f"{(svc or 'all-services').replace(' ', '-')}.sla.yaml",
        key=f"dl{svc}",
    )
