"""The sync asks for large pages and learns the server's cap from its answers (a short full page, a refusal)."""

from __future__ import annotations

from consult_desktop.fhir.paging import parse_page
from consult_desktop.sync.page_size import CURSOR, LARGE_PAGE, PageSizer, requested_count


def _page(url: str, matches: int, has_next: bool):
    bundle = {"resourceType": "Bundle", "type": "searchset",
              "entry": [{"resource": {"resourceType": "Observation", "id": f"o{i}"}, "search": {"mode": "match"}}
                        for i in range(matches)]}
    if has_next:
        bundle["link"] = [{"relation": "next", "url": url + "&page=2"}]
    return parse_page(bundle, url)


def test_a_short_full_page_shows_the_cap_which_is_stored_once() -> None:
    sizer = PageSizer(200)
    assert sizer.count == LARGE_PAGE
    sizer.observe(_page(f"http://h/fhir/Observation?_count={LARGE_PAGE}", 500, has_next=True))
    assert sizer.count == 500
    assert sizer.take_cursor() == {CURSOR: "500"}
    assert sizer.take_cursor() == {}


def test_the_last_page_or_a_full_page_teaches_nothing() -> None:
    sizer = PageSizer(200)
    sizer.observe(_page("http://h/fhir/Observation?_count=1000", 12, has_next=False))
    sizer.observe(_page("http://h/fhir/Observation?_count=1000", 1000, has_next=True))
    assert sizer.count == LARGE_PAGE and sizer.take_cursor() == {}


def test_a_remembered_cap_and_a_refusal() -> None:
    assert PageSizer(200, "300").count == 300
    assert PageSizer(200, "garbage").count == LARGE_PAGE
    sizer = PageSizer(200)
    assert sizer.refused(LARGE_PAGE) is True
    assert sizer.count == 200 and sizer.take_cursor() == {CURSOR: "200"}
    assert sizer.refused(200) is False


def test_requested_count() -> None:
    assert requested_count("http://h/fhir/Observation?patient=a&_count=250") == 250
    assert requested_count("http://h/fhir/Observation?patient=a") is None


def test_a_refusal_for_another_reason_is_not_taken_for_a_cap() -> None:
    sizer = PageSizer(200)
    assert sizer.refused(LARGE_PAGE)
    sizer.restore(LARGE_PAGE)
    assert sizer.count == LARGE_PAGE and sizer.take_cursor() == {}
