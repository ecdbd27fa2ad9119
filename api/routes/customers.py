"""/customers: list, effective SLA on a date, measurement results."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from sqlalchemy import select

from api.deps import SessionDep, UserDep
from register.effective import effective_for, effective_to_dict
from register.errors import NotFound
from register.models import Customer
from register.permissions import require
from register.services.performance import list_results

router = APIRouter(prefix="/customers", tags=["customers"])


@router.get("")
def list_customers(session: SessionDep, user: UserDep) -> list[dict[str, Any]]:
    require(user, "read")
    rows = session.execute(select(Customer).order_by(Customer.name)).scalars()
    return [{"id": c.id, "name": c.name, "aliases": c.aliases} for c in rows]


@router.get("/{name}/effective")
def effective(
    name: str, session: SessionDep, user: UserDep, date: dt.date | None = None
) -> dict[str, Any]:
    """The customer's effective SLA on `date` (default today), each term with its source."""
    require(user, "read")
    return effective_to_dict(effective_for(session, customer=name, as_of=date or dt.date.today()))


@router.get("/{name}/measurements")
def measurements(
    name: str, session: SessionDep, user: UserDep, period: str | None = None
) -> list[dict[str, Any]]:
    """Stored measurement records (slareg.measurement/1) of the customer."""
    require(user, "read")
    cid = session.execute(select(Customer.id).where(Customer.name == name)).scalar()
    if cid is None:
        raise NotFound("customer", name)
    return [
        {
            "id": r.id,
            "period": r.period,
            "met": r.met,
            "computed_at": r.computed_at.isoformat(),
            "record": r.record,
        }
        for r in list_results(session, customer_id=cid, period=period)
    ]
