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


class _Cursors:
    def get(self, _server: str, _name: str) -> None:
        return None


class _Client:
    """Refuses `_count` above 200 (as some servers do) or, with `refuse_all`, every type-level search."""

    def __init__(self, refuse_all: bool = False) -> None:
        self.refuse_all = refuse_all
        self.asked: list[str] = []

    def search(self, rtype: str, params: dict[str, str]):
        from consult_desktop.fhir.errors import RequestRejected

        self.asked.append(params["_count"])
        if self.refuse_all or int(params["_count"]) > 200:
            raise RequestRejected("refused", status=400, path=rtype)
        yield _page(f"http://h/fhir/{rtype}?_count={params['_count']}", 3, has_next=False)


def _fetcher(client: _Client):
    from types import SimpleNamespace

    from consult_desktop.sync.changes import Fetcher

    ingester = SimpleNamespace(store=SimpleNamespace(cursors=_Cursors()), server_id="s")
    ctx = SimpleNamespace(ingester=ingester, sizer=None)
    return Fetcher(client, ctx, ["Observation"], 200, 50, lambda _p: None)  # type: ignore[arg-type]


def test_a_server_refusing_large_pages_is_asked_again_with_the_configured_size() -> None:
    client = _Client()
    fetcher = _fetcher(client)
    pages = list(fetcher._search("Observation", {}))
    assert len(pages) == 1 and client.asked == [str(LARGE_PAGE), "200"]
    assert fetcher.sizer.take_cursor() == {CURSOR: "200"}


def test_a_server_refusing_the_search_itself_keeps_the_large_page_size() -> None:
    import pytest

    from consult_desktop.fhir.errors import RequestRejected

    client = _Client(refuse_all=True)
    fetcher = _fetcher(client)
    with pytest.raises(RequestRejected):
        list(fetcher._search("Observation", {}))
    assert fetcher.sizer.count == LARGE_PAGE and fetcher.sizer.take_cursor() == {}
