"""Asking the hospital servers for their CapabilityStatement while the profile is being unlocked.

`consult-desktop sync` starts a `MetadataPrefetch` before the passphrase's Argon2id key derivation: for each
address in the plain copy of the server addresses (`store.server_addresses`, at most `MAX_SERVERS`), a thread
sends `GET [base]/metadata` once, without credentials (the sync's discovery step asks that way first too),
with the usual URL policy, TLS verification (the system trust store, or the CA bundle named in the copy) and
response size limit. Nothing is stored and nothing is decrypted for it.

After unlocking, the sync calls `take(server_id, config)` with the server's configuration read from the
encrypted settings. The answer is used only when that configuration has the same base URL and CA bundle as
the copy it was asked with, when it fits that configuration's own response limits and when it is a
CapabilityStatement; in every other case (a changed or tampered copy, a failed request, an answer not ready
in time) it is dropped and the sync asks the server again, as it always did. No token, secret or patient
data is sent before the unlock: the copy holds none, and this request carries no credentials.

`start` and `take` may be called on any thread; the requests run on their own daemon threads.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from consult_desktop.store.server_addresses import ServerAddress, read_addresses

if TYPE_CHECKING:
    from consult_desktop.fhir.capabilities import ServerCapabilities
    from consult_desktop.fhir.server_config import ServerConfig

log = logging.getLogger(__name__)
MAX_SERVERS = 4


class _Request:
    """One `metadata` request on its own thread; `raw` is the body when it succeeded."""

    def __init__(self, address: ServerAddress) -> None:
        self.address = address
        self.raw: bytes | None = None
        self.thread = threading.Thread(target=self._ask, name="consult-metadata", daemon=True)

    def _ask(self) -> None:
        # Imported here, on this thread: the command's main thread goes on with the unlock meanwhile.
        from consult_desktop.fhir.errors import FhirError
        from consult_desktop.fhir.retry_policy import RetryPolicy
        from consult_desktop.fhir.server_config import ServerConfig
        from consult_desktop.fhir.transport import HttpTransport

        try:
            # The kind of authentication only satisfies the configuration's checks: no credentials are sent.
            config = ServerConfig(base_url=self.address.base_url, auth_kind="bearer", ca_bundle=self.address.ca_bundle)
            transport = HttpTransport(config, retry=RetryPolicy(max_attempts=1))
            try:
                _value, self.raw, _url = transport.get_json_body(transport.resolve("metadata"))
            finally:
                transport.session.close()
        except (FhirError, OSError, ValueError) as exc:  # the sync asks again after unlocking
            log.debug("metadata asked before unlocking: %s", type(exc).__name__)


class MetadataPrefetch:
    def __init__(self, addresses: list[ServerAddress]) -> None:
        self._requests: dict[str, _Request] = {}
        self._lock = threading.Lock()
        for address in addresses[:MAX_SERVERS]:
            request = _Request(address)
            self._requests[address.id] = request
            request.thread.start()

    def wait(self, timeout: float) -> None:
        """Until every request is answered (or failed), at most `timeout` seconds in all. Start-up work that
        keeps the GIL (the key derivation, imports) waits for this, so that it does not hold up the requests'
        own Python work; the time is not lost, as the sync would wait for these answers later."""
        deadline = time.monotonic() + timeout
        for request in self._requests.values():
            request.thread.join(max(0.0, deadline - time.monotonic()))

    @classmethod
    def start(cls, profile_directory: Path) -> MetadataPrefetch:
        """One request per address of the profile's plain copy (none when there is no copy)."""
        return cls(read_addresses(profile_directory))

    def take(self, server_id: str, config: ServerConfig) -> ServerCapabilities | None:
        """The server's parsed CapabilityStatement when it was asked for with exactly this configuration's
        address and CA bundle and is acceptable under its limits; else None (the sync asks again). Once."""
        with self._lock:
            request = self._requests.pop(server_id, None)
        if request is None or request.address.base_url != config.base_url \
                or request.address.ca_bundle != config.ca_bundle:
            return None
        request.thread.join(timeout=config.connect_timeout + config.timeout)
        raw = request.raw
        if request.thread.is_alive() or raw is None or len(raw) > config.max_response_bytes:
            return None
        from consult_desktop.fhir.capabilities import parse_capability_statement
        from consult_desktop.fhir.errors import FhirError
        from consult_desktop.fhir.response_limits import loads_limited

        try:
            data = loads_limited(raw, "metadata", config.response_limits())
        except (FhirError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("resourceType") != "CapabilityStatement":
            return None
        return parse_capability_statement(data)
