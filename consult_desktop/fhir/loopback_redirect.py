"""One-shot local HTTP listener receiving the OAuth redirect of a native app's sign-in.

As recommended for native apps (RFC 8252 sections 7.3 and 8.3), the redirect URI is
``http://127.0.0.1:<random port>/callback``: the listener binds the loopback interface only, on a port
chosen by the operating system, and stops after the first request to ``/callback``. Other paths get a
404 and the listener keeps waiting (browsers ask for ``/favicon.ico``).

The listener compares the returned ``state`` with the expected one in constant time and answers the
browser with a short page telling the user to return to the program. It never logs the request line
(it carries the authorization code).

``start()`` serves on a daemon thread; ``wait()`` blocks the calling worker thread until the redirect
arrives, the timeout passes, or the cancel token is set.
"""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from consult_desktop.fhir.concurrency import CancelToken
from consult_desktop.fhir.errors import AuthenticationFailed, OperationCancelled

CALLBACK_PATH = "/callback"

_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Consult Desktop</title></head>"
    "<body style='font-family:sans-serif;margin:3em'><h1>{title}</h1><p>{text}</p></body></html>"
)


@dataclass(frozen=True, slots=True)
class RedirectResult:
    """What came back: ``code`` on success, else ``error`` (an OAuth error code or ``state_mismatch``)."""

    code: str | None
    error: str | None


class LoopbackRedirectListener:
    """Receives exactly one ``/callback`` redirect on 127.0.0.1."""

    def __init__(self, expected_state: str, host: str = "127.0.0.1") -> None:
        self._expected_state = expected_state
        self._result: RedirectResult | None = None
        self._done = threading.Event()
        self._server = HTTPServer((host, 0), self._handler_class())
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{CALLBACK_PATH}"

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
            name="sign-in-redirect", daemon=True,
        )
        self._thread.start()

    def wait(self, timeout: float, cancel: CancelToken | None = None) -> RedirectResult:
        """Block until the redirect arrives. AuthenticationFailed on timeout; OperationCancelled."""
        deadline = time.monotonic() + timeout
        while not self._done.wait(0.1):
            if cancel is not None and cancel.cancelled:
                raise OperationCancelled("The sign-in was cancelled.")
            if time.monotonic() >= deadline:
                raise AuthenticationFailed(
                    "The sign-in was not completed in time. Please try again and finish signing in "
                    "in the browser."
                )
        assert self._result is not None
        return self._result

    def close(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()

    def __enter__(self) -> LoopbackRedirectListener:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _receive(self, query: dict[str, list[str]]) -> RedirectResult:
        state = (query.get("state") or [""])[0]
        error = (query.get("error") or [""])[0]
        code = (query.get("code") or [""])[0]
        if not hmac.compare_digest(state.encode(), self._expected_state.encode()):
            result = RedirectResult(code=None, error="state_mismatch")
        elif error:
            safe = error if error.replace("_", "").isalnum() and len(error) <= 64 else "access_denied"
            result = RedirectResult(code=None, error=safe)
        elif code:
            result = RedirectResult(code=code, error=None)
        else:
            result = RedirectResult(code=None, error="invalid_request")
        if self._result is None:
            self._result = result
            self._done.set()
        return result

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server naming)
                parts = urlsplit(self.path)
                if parts.path != CALLBACK_PATH or listener._done.is_set():
                    self._reply(404, "Not found", "This address is only used to complete a sign-in.")
                    return
                result = listener._receive(parse_qs(parts.query))
                if result.code:
                    self._reply(200, "Signed in", "You can close this window and return to Consult Desktop.")
                else:
                    self._reply(
                        400, "Sign-in failed",
                        "The sign-in did not complete. Return to Consult Desktop and try again.",
                    )

            def _reply(self, status: int, title: str, text: str) -> None:
                body = _PAGE.format(title=title, text=text).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass  # the request line carries the authorization code: never log it

        return Handler
