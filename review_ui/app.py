"""slareg review app: `slareg ui` (streamlit run review_ui/app.py)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

VIEWS = Path(__file__).parent / "views"

st.set_page_config(page_title="slareg review", layout="wide")
page = st.navigation(
    [
        st.Page(VIEWS / "proposals.py", title="Review proposals", icon="📝", default=True),
        st.Page(VIEWS / "findings.py", title="Findings", icon="⚠️"),
        st.Page(VIEWS / "sla_register.py", title="Register", icon="📚"),
        st.Page(VIEWS / "audit_log.py", title="Audit log", icon="🔒"),
    ]
)
page.run()
