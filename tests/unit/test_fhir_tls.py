"""TLS verification is always on: a server with an untrusted certificate is refused; the same server is
accepted once its CA is configured. Uses a real HTTPS listener on 127.0.0.1 (random port)."""

from __future__ import annotations

import datetime
import ipaddress
import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from consult_desktop.fhir.auth import make_auth
from consult_desktop.fhir.client import FhirClient
from consult_desktop.fhir.errors import ConfigurationError, ServerUnreachable
from consult_desktop.fhir.server_config import ServerConfig

METADATA = {"resourceType": "CapabilityStatement", "fhirVersion": "4.0.1", "rest": [{"mode": "server"}]}


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        body = json.dumps(METADATA).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    cert_path, key_path = self_signed(tmp_path)
    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/fhir", cert_path
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def test_untrusted_certificate_is_refused(https_server: tuple[str, Path]) -> None:
    base_url, _ = https_server
    config = ServerConfig(base_url=base_url, connect_timeout=5, timeout=5)
    client = FhirClient(config, make_auth(config), sleep=lambda s: None)
    with pytest.raises(ServerUnreachable) as info:
        client.capabilities()
    assert info.value.reason == "tls" and "certificate" in str(info.value)


def test_configured_ca_bundle_is_trusted(https_server: tuple[str, Path]) -> None:
    base_url, cert_path = https_server
    config = ServerConfig(base_url=base_url, ca_bundle=str(cert_path), connect_timeout=5, timeout=5)
    client = FhirClient(config, make_auth(config), sleep=lambda s: None)
    assert client.capabilities().fhir_version == "4.0.1"


def test_missing_ca_bundle_file_is_a_configuration_error(tmp_path: Path) -> None:
    config = ServerConfig(
        base_url="https://fhir.hospital.example",
        auth_kind="bearer",
        token="t",
        ca_bundle=str(tmp_path / "absent.pem"),
    )
    with pytest.raises(ConfigurationError):
        FhirClient(config, make_auth(config))


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_a_ca_bundle_from_the_environment_is_ignored(
    https_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    base_url, cert_path = https_server
    monkeypatch.setenv(variable, str(cert_path))  # would make requests trust the test certificate
    config = ServerConfig(base_url=base_url, connect_timeout=5, timeout=5)
    client = FhirClient(config, make_auth(config), sleep=lambda s: None)
    with pytest.raises(ServerUnreachable) as info:
        client.capabilities()
    assert info.value.reason == "tls"
