"""Demo server helpers: FHIR date search semantics, page cursors, deterministic fault injection."""

from __future__ import annotations

import calendar

import pytest

from consult_desktop.demo.faults import FaultInjector
from consult_desktop.demo.http_types import HttpError
from consult_desktop.demo.search import (
    CursorCodec,
    in_range,
    last_updated_filter,
    parse_count,
    parse_date_range,
    query_key,
)


def ms(*parts: int) -> int:
    return calendar.timegm((*parts, *([0] * (6 - len(parts))), 0, 0, 0)) * 1000


def test_a_date_stands_for_the_range_its_precision_implies() -> None:
    assert parse_date_range("2026") == (ms(2026, 1, 1), ms(2027, 1, 1))
    assert parse_date_range("2026-12") == (ms(2026, 12, 1), ms(2027, 1, 1))
    assert parse_date_range("2026-02-28") == (ms(2026, 2, 28), ms(2026, 3, 1))
    assert parse_date_range("2026-02-28T10:00:00Z") == (ms(2026, 2, 28, 10), ms(2026, 2, 28, 10, 0, 1))
    start = ms(2026, 2, 28, 9) + 123
    assert parse_date_range("2026-02-28T10:00:00.123+01:00") == (start, start + 1)
    assert parse_date_range("2026-02-28T10:00:00.123 01:00")[0] == start  # unencoded "+" read as a space


@pytest.mark.parametrize("value", ["2026-02-30", "31/02/1970", "2026-13", "yesterday", "2026-02-28T25:00:00Z"])
def test_invalid_dates_are_refused(value: str) -> None:
    with pytest.raises(HttpError) as caught:
        parse_date_range(value)
    assert caught.value.status == 400


def test_last_updated_prefixes() -> None:
    day_start, day_end = ms(2026, 3, 1), ms(2026, 3, 2)
    gt = last_updated_filter(["gt2026-03-01"])
    assert not in_range(day_end - 1, gt) and in_range(day_end, gt)
    ge = last_updated_filter(["ge2026-03-01"])
    assert in_range(day_start, ge) and not in_range(day_start - 1, ge)
    lt = last_updated_filter(["lt2026-03-01"])
    assert in_range(day_start - 1, lt) and not in_range(day_start, lt)
    le = last_updated_filter(["le2026-03-01"])
    assert in_range(day_end - 1, le) and not in_range(day_end, le)
    eq = last_updated_filter(["2026-03-01"])
    assert in_range(day_start + 5, eq) and not in_range(day_end, eq)
    ne = last_updated_filter(["ne2026-03-01"])
    assert not in_range(day_start + 5, ne) and in_range(day_end, ne)
    both = last_updated_filter(["ge2026-03-01", "lt2026-03-01T12:00:00Z"])
    assert in_range(day_start, both) and not in_range(ms(2026, 3, 1, 12), both)
    exact = last_updated_filter(["gt2026-03-01T10:00:00.123+00:00"])
    assert not in_range(ms(2026, 3, 1, 10) + 123, exact) and in_range(ms(2026, 3, 1, 10) + 124, exact)


def test_count_is_capped_and_checked() -> None:
    assert parse_count(None) == 50
    assert parse_count("1000") == 500
    with pytest.raises(HttpError):
        parse_count("-1")


def test_cursors_are_opaque_signed_and_bound_to_their_query() -> None:
    codec = CursorCodec()
    key = query_key("/fhir/Observation", {"patient": ["a"]}, "gp-001")
    token = codec.encode(key, [1, "Observation", "x"])
    assert "Observation" not in token
    assert codec.decode(token, key) == [1, "Observation", "x"]
    other = query_key("/fhir/Observation", {"patient": ["b"]}, "gp-001")
    for bad_token, bad_key in ((token, other), (token[:-2] + "AA", key), ("garbage", key)):
        with pytest.raises(HttpError):
            codec.decode(bad_token, bad_key)
    assert query_key("/fhir/Observation", {"patient": ["a"]}, "gp-002") != key


def test_faults_are_deterministic_for_a_seed_and_scripted_ones_come_first() -> None:
    def run(seed: int) -> list[int | None]:
        faults = FaultInjector(seed, error_rate=0.3, rate_limit=0.1)
        return [faults.decide().status for _ in range(200)]

    first = run(5)
    assert first == run(5)
    assert first != run(6)
    assert 40 <= sum(s in (500, 503) for s in first) <= 90 and 5 <= first.count(429) <= 40
    faults = FaultInjector(0)
    faults.fail_next(2, 500)
    faults.hang_next(1, 0.5)
    decisions = [faults.decide() for _ in range(3)]
    assert [d.status for d in decisions] == [500, 500, None]
    assert decisions[0].delay_s == 0.5 and decisions[1].delay_s == 0
    faults.malformed_next(1)
    assert faults.take_malformed() and not faults.take_malformed()


def test_token_search_on_codings_and_plain_codes() -> None:
    from consult_desktop.demo.search import token_matches

    observation = {"status": "final", "category": [{"coding": [{"system": "http://cat", "code": "laboratory"}]}],
                   "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}]}}
    assert token_matches(observation, "code", ["http://loinc.org|2823-3"])
    assert token_matches(observation, "code", ["2951-2,2823-3"])
    assert not token_matches(observation, "code", ["http://snomed.info/sct|2823-3"])
    assert token_matches(observation, "category", ["http://cat|"])
    assert token_matches(observation, "status", ["final"]) and not token_matches(observation, "status", ["amended"])
    assert not token_matches(observation, "code", ["2823-3", "2951-2"])  # repeated parameters: AND
