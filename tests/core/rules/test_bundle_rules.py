"""The `schedule` rule: at most 7 days ahead, in China time, never in the past."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from factsgen import facts

from aedesk.core.findings import Severity
from aedesk.core.rules.engine import check_bundle, check_image, check_set
from aedesk.core.rules.profiles import Catalogue

NOW = datetime(2024, 6, 1, 0, 0, tzinfo=UTC)  # 08:00 in China


@pytest.mark.parametrize(("publish_at", "variant"), [
    (datetime(2024, 6, 8, 8, 0), None),  # naive = China time: exactly 7 days ahead
    (datetime(2024, 6, 8, 8, 1), "ahead"),
    (datetime(2024, 6, 1, 8, 1), None),
    (datetime(2024, 6, 1, 8, 0), "past"),  # now, in China time
    (datetime(2024, 5, 30, 12, 0), "past"),
    (datetime(2024, 6, 8, 0, 0, tzinfo=UTC), None),  # aware: 08:00 in China
    (datetime(2024, 6, 8, 1, 0, tzinfo=timezone(timedelta(hours=-5))), "ahead"),  # 14:00 in China
])
def test_schedule_window_in_china_time(
    catalogue: Catalogue, publish_at: datetime, variant: str | None
) -> None:
    found = check_bundle(catalogue.profile("new-arrival"), publish_at, NOW)
    if variant is None:
        assert found == []
        return
    [finding] = found
    assert finding.rule == "schedule" and finding.severity is Severity.ERROR
    assert ("past" in finding.message) is (variant == "past")
    assert "中国时间" in finding.message_zh


def test_message_shows_the_time_in_china(catalogue: Catalogue) -> None:
    [finding] = check_bundle(catalogue.profile("new-arrival"),
                             datetime(2024, 6, 20, 2, 30, tzinfo=UTC), NOW)
    assert "2024-06-20 10:30" in finding.message and "7 days" in finding.message


def test_no_publish_time_or_no_schedule_rule_means_no_finding(catalogue: Catalogue) -> None:
    assert check_bundle(catalogue.profile("new-arrival"), None, NOW) == []
    assert check_bundle(catalogue.profile("huaxu"), datetime(2030, 1, 1), NOW) == []


def test_image_and_set_checks_leave_bundle_rules_alone(catalogue: Catalogue) -> None:
    profile = catalogue.profile("new-arrival")
    slots = [facts() for _ in range(3)]
    assert "schedule" not in {f.rule for f in check_set(catalogue, profile, slots)}
    assert "schedule" not in {f.rule for f in check_image(catalogue, profile, slots[0])}
