"""ONE month, one service, every rule — expected numbers worked out by hand below.

Calendar: America/New_York, Mon-Fri 09:00-17:00, US holidays. July 2026 (EDT, no DST change):
July 1 is a Wednesday; weekdays 1-3, 6-10, 13-17, 20-24, 27-31 = 23; Fri July 3 is
"Independence Day (observed)" -> 22 business days x 480 min = 10560 business minutes.
Maintenance (excluded): Wednesdays 16:00-17:00 New York time -> Jul 1, 8, 15, 22, 29 = 5 x 60
= 300 min, all inside business hours. Eligible = 10560 - 300 = 10260 min.

Outages (granularity 5 min; slots cut from 2026-07-01 00:00 EDT, so they sit on :00, :05 …):
 1+2. Tue 7th 10:02:00-10:13:00 and 10:10:00-10:20:30 overlap -> union 10:02-10:20:30:
      exact 18.5 min; slots 10:00..10:25 -> 25 min
 3.   Thu 9th 11:00-12:00 customer_caused -> excluded category: 0
 4.   Wed 15th 16:30-17:30: 16:30-17:00 is maintenance, 17:00-17:30 after hours: 0
 5.   Fri 3rd 10:00-11:00: holiday: 0
 6.   Mon 20th 08:50-09:07: eligible part 09:00-09:07 = 7 exact; slots 09:00, 09:05 -> 10
 7.   Wed 22nd 15:58-16:02: 15:58-16:00 = 2 exact (16:00+ is maintenance); slot 15:55 -> 5,
      slot 16:00 holds no eligible downtime -> 0
 8.   Fri 31st 16:58 - Mon Aug 3rd 09:30: July part 16:58-17:00 = 2 exact; slot 16:55 -> 5
 exact downtime 29.5 min; with 5-minute slots 25 + 10 + 5 + 5 = 45 min.
 actual = 100 x (10260 - 45) / 10260 = 99.56140… -> 99.5614 < 99.9: not met.

Tickets, P1 (labels P1 and Sev1 map to rank 1); response 60 business min, resolution 480
calendar min:
 T1 P1 created Mon 6th 08:30 (before hours), response 09:45 -> 45 business min: met;
    resolved 15:30 -> 420 calendar min: met.
 T2 Sev1 created Thu 2nd 16:30, response Mon 6th 09:40 -> 30 (Thu) + 0 (Fri holiday,
    weekend) + 40 = 70: MISSED. Pause Thu 17:00 - Mon 09:00 is outside business hours (0
    business min) but 88 h = 5280 calendar min; resolved Mon 12:00 -> 5490 - 5280 = 210: met.
 T3 P1 created Wed 8th 10:00, pauses 10:15-10:50 and 10:40-11:00 overlap -> union 45 min;
    response 11:30 -> 90 - 45 = 45: met; resolved 19:00 -> 540 - 45 = 495 > 480: MISSED.
 T4 P1 created Fri 10th 14:00, no response (not measured), resolved 16:00 -> 120: met.
 T5 P1 created Tue June 30th -> another period. T6 P2 -> another rank.
 T7 P1 created Fri 31st 16:30, response Mon Aug 3rd 09:20 -> 30 + 20 = 50: met (measured in
    July, the month of `created`); not resolved -> not measured for resolution.
 response: T1, T2, T3, T7 measured, 3 met -> 75% < 95: not met, missed [T2]
 resolution: T1, T2, T3, T4 measured, 3 met -> 75% >= 50: met, missed [T3]

Credits: availability 99.5614 in [99.0, 99.9) -> 10; response_time P1 75 in [null, 95) -> 45;
sum 55 > cap 50 -> 50, capped; amount 50% x 2000 = 1000.00. Claim: 15 days after the
period end (first day after it is Aug 1) -> 2026-08-16.
"""

from __future__ import annotations

from measurement.compute import compute
from measurement.io import parse_outages, parse_pauses, parse_tickets
from measurement.sla import sla_from_yaml

SLA_YAML = """
schema: slareg.sla/1
customer: Hand Co
service: Widget
calendar:
  time_zone: America/New_York
  hours: {mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-17:00"],
          thu: ["09:00-17:00"], fri: ["09:00-17:00"]}
  holidays: {country: US}
maintenance:
  - {rrule: "FREQ=WEEKLY;BYDAY=WE;BYHOUR=16;BYMINUTE=0", duration_minutes: 60,
     time_zone: America/New_York, excluded: true}
exclusions: [scheduled_maintenance, customer_caused]
priorities: {P1: 1, Sev1: 1, P2: 2}
targets:
  - {kind: availability, percent: 99.9, clock: business, granularity_minutes: 5}
  - {kind: response_time, priority_rank: 1, minutes: 60, clock: business, attainment_percent: 95}
  - {kind: resolution_time, priority_rank: 1, minutes: 480, clock: calendar,
     attainment_percent: 50}
credits:
  - {metric: availability, lower: 99.0, upper: 99.9, credit_percent: 10}
  - {metric: availability, lower: null, upper: 99.0, credit_percent: 25}
  - {metric: response_time, priority_rank: 1, lower: null, upper: 95, credit_percent: 45}
credit_cap_percent: 50
claim_window_days: 15
monthly_fee: 2000
"""

OUTAGES = """service,start,end,category
Widget,2026-07-07T10:02:00-04:00,2026-07-07T10:13:00-04:00,
Widget,2026-07-07T14:10:00+00:00,2026-07-07T14:20:30+00:00,
Widget,2026-07-09T11:00:00-04:00,2026-07-09T12:00:00-04:00,customer_caused
Widget,2026-07-15T16:30:00-04:00,2026-07-15T17:30:00-04:00,
Widget,2026-07-03T10:00:00-04:00,2026-07-03T11:00:00-04:00,
Widget,2026-07-20T08:50:00-04:00,2026-07-20T09:07:00-04:00,
Widget,2026-07-22T15:58:00-04:00,2026-07-22T16:02:00-04:00,
Widget,2026-07-31T16:58:00-04:00,2026-08-03T09:30:00-04:00,
Other,2026-07-07T10:00:00-04:00,2026-07-07T12:00:00-04:00,
"""

TICKETS = """id,customer,service,priority,created,first_response,resolved
T1,Hand Co,Widget,P1,2026-07-06T08:30:00-04:00,2026-07-06T09:45:00-04:00,2026-07-06T15:30:00-04:00
T2,Hand Co,Widget,Sev1,2026-07-02T16:30:00-04:00,2026-07-06T09:40:00-04:00,2026-07-06T12:00:00-04:00
T3,Hand Co,Widget,P1,2026-07-08T10:00:00-04:00,2026-07-08T11:30:00-04:00,2026-07-08T19:00:00-04:00
T4,Hand Co,Widget,P1,2026-07-10T14:00:00-04:00,,2026-07-10T16:00:00-04:00
T5,Hand Co,Widget,P1,2026-06-30T16:00:00-04:00,2026-07-01T10:30:00-04:00,
T6,Hand Co,Widget,P2,2026-07-14T10:00:00-04:00,2026-07-15T10:00:00-04:00,
T7,Hand Co,Widget,P1,2026-07-31T16:30:00-04:00,2026-08-03T09:20:00-04:00,
X1,Other Co,Widget,P1,2026-07-14T10:00:00-04:00,2026-07-20T10:00:00-04:00,
"""

PAUSES = """ticket_id,start,end
T2,2026-07-02T17:00:00-04:00,2026-07-06T09:00:00-04:00
T3,2026-07-08T10:15:00-04:00,2026-07-08T10:50:00-04:00
T3,2026-07-08T10:40:00-04:00,2026-07-08T11:00:00-04:00
"""


def test_hand_checked_month() -> None:
    sla = sla_from_yaml(SLA_YAML)
    tickets = parse_tickets(TICKETS)
    record = compute(
        sla,
        parse_outages(OUTAGES),
        tickets,
        parse_pauses(PAUSES, known_tickets=set(tickets.id)),
        "2026-07",
    )
    assert record.to_json_dict() == {
        "schema": "slareg.measurement/1",
        "customer": "Hand Co",
        "service": "Widget",
        "period": {
            "label": "2026-07",
            "start": "2026-07-01T00:00:00-04:00",
            "end": "2026-08-01T00:00:00-04:00",
        },
        "results": [
            {
                "kind": "availability",
                "target_percent": 99.9,
                "actual_percent": 99.5614,
                "eligible_minutes": 10260.0,
                "downtime_minutes": 45.0,
                "met": False,
            },
            {
                "kind": "response_time",
                "priority_rank": 1,
                "target_minutes": 60,
                "attainment_target_percent": 95,
                "attainment_percent": 75,
                "measured": 4,
                "missed": ["T2"],
                "met": False,
            },
            {
                "kind": "resolution_time",
                "priority_rank": 1,
                "target_minutes": 480,
                "attainment_target_percent": 50,
                "attainment_percent": 75,
                "measured": 4,
                "missed": ["T3"],
                "met": True,
            },
        ],
        "credit": {"percent": 50, "capped": True, "amount": 1000.0, "claim_deadline": "2026-08-16"},
    }


def test_hand_checked_month_exact_downtime_without_granularity() -> None:
    sla = sla_from_yaml(SLA_YAML.replace("granularity_minutes: 5", "granularity_minutes: null"))
    record = compute(
        sla, parse_outages(OUTAGES), parse_tickets(TICKETS), parse_pauses(PAUSES), "2026-07"
    )
    avail = record.results[0]
    assert (avail.eligible_minutes, avail.downtime_minutes) == (10260.0, 29.5)
    # 100 x 10230.5 / 10260 = 99.712475…, truncated (not rounded up) to 4 decimals
    assert avail.actual_percent == 99.7124
