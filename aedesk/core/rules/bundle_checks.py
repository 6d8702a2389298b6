"""Bundle-level checks: about what is exported with the pictures, not the pictures.

The one such rule is `schedule`: a 上新帖 can be set to publish later, at most 7 days
ahead, and the time is set in China time (UTC+8) whatever the seller's own time zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from aedesk.core.rules.hits import Hit


def platform_time(when: datetime, utc_offset_hours: int) -> datetime:
    """`when` in the platform's time zone; a naive time is taken as already in it."""
    zone = timezone(timedelta(hours=utc_offset_hours))
    return when.replace(tzinfo=zone) if when.tzinfo is None else when.astimezone(zone)


def check_schedule(publish_at: datetime, now: datetime, p: dict[str, Any]) -> list[Hit]:
    """A planned publish time must lie in the future, at most `max_days` ahead of `now`."""
    at = platform_time(publish_at, p["utc_offset_hours"])
    values = {"when": at.strftime("%Y-%m-%d %H:%M")}
    if at <= now:
        return [Hit(values, "past")]
    if at - now > timedelta(days=p["max_days"]):
        return [Hit(values)]
    return []
