"""lastUpdated values are stored so that text order is time order, whatever offset the server used."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from consult_desktop.store.resources import normalise_instant


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
       st.sampled_from(["Z", "+00:00", "+01:00", "-05:00"]), st.sampled_from([0, 3, 6]))
def test_normalised_instants_sort_like_the_times_they_name(moment: datetime, suffix: str, digits: int) -> None:
    offset = timedelta(0) if suffix in ("Z", "+00:00") else timedelta(hours=int(suffix[:3]))
    local = moment.replace(tzinfo=timezone(offset))
    if digits:
        text = local.strftime("%Y-%m-%dT%H:%M:%S.%f")[: 20 + digits] + suffix
    else:
        text = local.strftime("%Y-%m-%dT%H:%M:%S") + suffix
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
    assert normalise_instant(text) == parsed.isoformat(timespec="microseconds")


def test_unreadable_values_are_not_guessed() -> None:
    assert normalise_instant("yesterday") is None
    assert normalise_instant(None) is None
