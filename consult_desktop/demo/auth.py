"""OAuth 2.0 / SMART App Launch authorisation server of the demo hospital.

Grants: client_credentials (client_secret_basic, client_secret_post, private_key_jwt with RS384/ES384),
authorization_code with PKCE S256 (auto-approved as a configured practitioner; loopback redirect URIs), and
refresh_token with rotation: a refresh token works once; presenting a used one again revokes its whole
family (OAuth 2.0 Security Best Current Practice, RFC 9700 section 4.14). Refresh tokens are issued to the
authorization_code flow when the scope asks for offline_access or online_access (SMART App Launch 2.x).
Access tokens are opaque and map to a practitioner.

Demo credentials (public on purpose; this server holds synthetic data only):
  confidential client  DEMO_CLIENT_ID / DEMO_CLIENT_SECRET   (client_credentials, authorization_code)
  public client        DEMO_PUBLIC_CLIENT_ID                 (authorization_code + PKCE, no secret)

`AuthService` is thread-safe (one lock); it is called from the server's request threads and from tests.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from consult_desktop.demo.http_types import PLAIN_JSON, HttpError, Request, Response, json_response

DEMO_CLIENT_ID = "consult-desktop-demo"
DEMO_CLIENT_SECRET = "demo-hospital-secret-synthetic-data-only"
DEMO_PUBLIC_CLIENT_ID = "consult-desktop"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_ALGORITHMS = ["RS384", "ES384"]
SCOPES_SUPPORTED = ["openid", "fhirUser", "profile", "launch/patient", "offline_access", "online_access",
                    "user/*.rs", "user/*.read", "system/*.rs", "system/*.read", "patient/*.rs", "patient/*.read"]
_SCOPE = re.compile(r"^(openid|fhirUser|profile|offline_access|online_access|launch|launch/patient|"
                    r"(user|system|patient)/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)(\?.*)?)$")
_VERIFIER = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(slots=True)
class OAuthClient:
    client_id: str
    practitioner: str
    secret: str | None = None
    public_key: Any = None
    redirect_uris: tuple[str, ...] = ()  # empty: any loopback http URI (RFC 8252 section 7.3)

    @property
    def confidential(self) -> bool:
        return self.secret is not None or self.public_key is not None


@dataclass(slots=True)
class Grant:
    token: str
    kind: str  # access | refresh
    practitioner: str
    client_id: str
    scope: str
    expires_at: float
    family: str
    used: bool = False
    revoked: bool = False


@dataclass(slots=True)
class AuthCode:
    client_id: str
    redirect_uri: str
    challenge: str
    scope: str
    practitioner: str
    expires_at: float
    nonce: str | None


def _oauth(status: int, error: str, description: str, headers: dict[str, str] | None = None) -> HttpError:
    return HttpError(status, "security", description, headers, oauth=error)


def load_public_key(key: Any) -> Any:
    """PEM (str/bytes), a cryptography public key, or a JWK dict."""
    if isinstance(key, str | bytes):
        return serialization.load_pem_public_key(key.encode() if isinstance(key, str) else key)
    if isinstance(key, dict):
        return jwt.PyJWK(key).key
    return key


class AuthService:
    def __init__(self, default_practitioner: str, *, token_lifetime: int = 3600, refresh_lifetime: int = 30 * 86400,
                 authorize_as: str | None = None, patient_context: Callable[[str], str | None] | None = None) -> None:
        self.token_lifetime = token_lifetime
        self.refresh_lifetime = refresh_lifetime
        self.authorize_as = authorize_as or default_practitioner
        self._patient_context = patient_context  # picks the patient of a launch/patient scope
        self._lock = threading.Lock()
        self._clients: dict[str, OAuthClient] = {}
        self._grants: dict[str, Grant] = {}
        self._codes: dict[str, AuthCode] = {}
        self._jtis: dict[str, float] = {}
        self._signing_key: rsa.RSAPrivateKey | None = None
        self.register_client(DEMO_CLIENT_ID, practitioner_id=default_practitioner, secret=DEMO_CLIENT_SECRET)
        self.register_client(DEMO_PUBLIC_CLIENT_ID, practitioner_id=default_practitioner)

    # -- administration (tests) ------------------------------------------------------------------------------

    def register_client(self, client_id: str, *, practitioner_id: str, secret: str | None = None,
                        public_key: Any = None, redirect_uris: tuple[str, ...] = ()) -> None:
        with self._lock:
            self._clients[client_id] = OAuthClient(client_id, practitioner_id, secret,
                                                   load_public_key(public_key) if public_key is not None else None,
                                                   tuple(redirect_uris))

    def issue_token(self, practitioner_id: str, *, lifetime: int | None = None, scope: str = "user/*.rs",
                    client_id: str = "test-harness") -> str:
        with self._lock:
            return self._new_grant("access", practitioner_id, client_id, scope, lifetime or self.token_lifetime,
                                   secrets.token_hex(8)).token

    def expire_access_tokens(self) -> None:
        """Every access token issued so far is now expired (refresh tokens still work)."""
        with self._lock:
            for grant in self._grants.values():
                if grant.kind == "access":
                    grant.expires_at = 0.0

    def revoke_token(self, token: str) -> None:
        with self._lock:
            if token in self._grants:
                self._grants[token].revoked = True

    # -- resource server side --------------------------------------------------------------------------------

    def practitioner_for(self, authorization: str) -> tuple[str, str]:
        """(practitioner id, token) for a valid bearer token; HttpError 401 otherwise."""
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HttpError(401, "login", "a bearer access token is required",
                            {"WWW-Authenticate": 'Bearer realm="demo-hospital"'})
        token = token.strip()
        with self._lock:
            grant = self._grants.get(token)
            if grant is not None and grant.kind == "access" and not grant.revoked and grant.expires_at > time.time():
                return grant.practitioner, token
            why = "the access token expired" if grant is not None and not grant.revoked and grant.kind == "access" \
                else "the access token is not valid"
        challenge = f'Bearer realm="demo-hospital", error="invalid_token", error_description="{why}"'
        raise HttpError(401, "expired" if "expired" in why else "login", why, {"WWW-Authenticate": challenge})

    # -- authorization endpoint ------------------------------------------------------------------------------

    def authorize(self, request: Request) -> Response:
        q = {k: v[-1] for k, v in request.query.items()}
        client = self._clients.get(q.get("client_id", ""))
        redirect_uri = q.get("redirect_uri", "")
        if client is None:
            raise _oauth(400, "invalid_request", "unknown client_id")
        if not self._redirect_allowed(client, redirect_uri):
            raise _oauth(400, "invalid_request", "redirect_uri must be a registered or loopback http URI")
        state = q.get("state")

        def redirect(params: dict[str, str]) -> Response:
            if state is not None:
                params["state"] = state
            sep = "&" if "?" in redirect_uri else "?"
            return Response(302, b"", PLAIN_JSON, {"Location": redirect_uri + sep + urlencode(params)})

        if q.get("response_type") != "code":
            return redirect({"error": "unsupported_response_type"})
        if not q.get("code_challenge") or q.get("code_challenge_method") != "S256":
            return redirect({"error": "invalid_request", "error_description": "PKCE with S256 is required"})
        aud = q.get("aud")
        if aud is not None and aud.rstrip("/") != request.base_url:
            return redirect({"error": "invalid_request", "error_description": "aud is not this FHIR server"})
        scope = q.get("scope", "user/*.rs openid fhirUser")
        if not all(_SCOPE.match(s) for s in scope.split()):
            return redirect({"error": "invalid_scope"})
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = AuthCode(client.client_id, redirect_uri, q["code_challenge"], scope,
                                         self.authorize_as, time.time() + 120, q.get("nonce"))
        return redirect({"code": code})

    @staticmethod
    def _redirect_allowed(client: OAuthClient, uri: str) -> bool:
        if uri in client.redirect_uris:
            return True
        parts = urlsplit(uri)
        return parts.scheme == "http" and parts.hostname in _LOOPBACK and not parts.fragment

    # -- token endpoint --------------------------------------------------------------------------------------

    def token(self, request: Request) -> Response:
        form = request.form()
        grant_type = form.get("grant_type", "")
        client = self._client_of(request, form)
        if grant_type == "client_credentials":
            if not client.confidential:
                raise _oauth(400, "unauthorized_client", "client_credentials needs a confidential client")
            scope = self._scope(form.get("scope"), "system/*.rs")
            with self._lock:
                access = self._new_grant("access", client.practitioner, client.client_id, scope,
                                         self.token_lifetime, secrets.token_hex(8))
            return self._token_response(request, access, None, None)
        if grant_type == "authorization_code":
            return self._exchange_code(request, form, client)
        if grant_type == "refresh_token":
            return self._refresh(request, form, client)
        raise _oauth(400, "unsupported_grant_type", f"grant_type '{grant_type}' is not supported")

    def _client_of(self, request: Request, form: dict[str, str]) -> OAuthClient:
        authorization = request.header("Authorization")
        if authorization.lower().startswith("basic "):
            try:
                decoded = base64.b64decode(authorization[6:].strip()).decode()
                client_id, _, secret = decoded.partition(":")
                client_id, secret = unquote(client_id), unquote(secret)
            except ValueError as exc:
                raise _oauth(401, "invalid_client", "malformed Basic credentials",
                             {"WWW-Authenticate": 'Basic realm="demo-hospital"'}) from exc
            return self._check_secret(client_id, secret, basic=True)
        if form.get("client_assertion_type") == ASSERTION_TYPE and form.get("client_assertion"):
            return self._check_assertion(form["client_assertion"], f"{request.root_url}/auth/token")
        if "client_secret" in form:
            return self._check_secret(form.get("client_id", ""), form["client_secret"], basic=False)
        client = self._clients.get(form.get("client_id", ""))
        if client is None or client.confidential:
            raise _oauth(401, "invalid_client", "client authentication failed")
        return client

    def _check_secret(self, client_id: str, secret: str, basic: bool) -> OAuthClient:
        client = self._clients.get(client_id)
        if client is None or client.secret is None or not hmac.compare_digest(client.secret, secret):
            headers = {"WWW-Authenticate": 'Basic realm="demo-hospital"'} if basic else None
            raise _oauth(401, "invalid_client", "client authentication failed", headers)
        return client

    def _check_assertion(self, assertion: str, token_url: str) -> OAuthClient:
        try:
            issuer = jwt.decode(assertion, options={"verify_signature": False}).get("iss", "")
        except jwt.PyJWTError as exc:
            raise _oauth(401, "invalid_client", "client_assertion is not a JWT") from exc
        client = self._clients.get(issuer)
        if client is None or client.public_key is None:
            raise _oauth(401, "invalid_client", "no public key registered for this client")
        audiences = [token_url, token_url.replace("127.0.0.1", "localhost")]
        algorithms = ["ES384"] if isinstance(client.public_key, ec.EllipticCurvePublicKey) else ["RS384"]
        try:
            claims = jwt.decode(assertion, client.public_key, algorithms=algorithms, audience=audiences,
                                issuer=client.client_id, options={"require": ["exp", "iss", "sub", "aud", "jti"]})
        except (jwt.PyJWTError, TypeError, ValueError) as exc:
            raise _oauth(401, "invalid_client", f"client_assertion rejected: {exc}") from exc
        now = time.time()
        if claims["sub"] != client.client_id or claims["exp"] > now + 300:
            raise _oauth(401, "invalid_client", "client_assertion: sub must equal iss; exp at most 5 minutes ahead")
        with self._lock:
            self._jtis = {j: exp for j, exp in self._jtis.items() if exp > now}
            if claims["jti"] in self._jtis:
                raise _oauth(401, "invalid_client", "client_assertion jti was already used")
            self._jtis[claims["jti"]] = float(claims["exp"])
        return client

    @staticmethod
    def _scope(requested: str | None, default: str) -> str:
        scope = (requested or default).strip()
        if not scope or not all(_SCOPE.match(s) for s in scope.split()):
            raise _oauth(400, "invalid_scope", "unsupported scope")
        return scope

    def _exchange_code(self, request: Request, form: dict[str, str], client: OAuthClient) -> Response:
        with self._lock:
            code = self._codes.pop(form.get("code", ""), None)
        if code is None or code.expires_at < time.time() or code.client_id != client.client_id:
            raise _oauth(400, "invalid_grant", "the authorization code is invalid, used or expired")
        if form.get("redirect_uri") != code.redirect_uri:
            raise _oauth(400, "invalid_grant", "redirect_uri does not match the authorization request")
        verifier = form.get("code_verifier", "")
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
        if not _VERIFIER.match(verifier) or not hmac.compare_digest(digest, code.challenge):
            raise _oauth(400, "invalid_grant", "code_verifier does not match the code_challenge")
        family = secrets.token_hex(8)
        with self._lock:
            access = self._new_grant("access", code.practitioner, client.client_id, code.scope, self.token_lifetime,
                                     family)
            refresh = None
            if {"offline_access", "online_access"} & set(code.scope.split()):
                refresh = self._new_grant("refresh", code.practitioner, client.client_id, code.scope,
                                          self.refresh_lifetime, family)
        return self._token_response(request, access, refresh, code.nonce)

    def _refresh(self, request: Request, form: dict[str, str], client: OAuthClient) -> Response:
        with self._lock:
            old = self._grants.get(form.get("refresh_token", ""))
            if old is None or old.kind != "refresh" or old.client_id != client.client_id:
                raise _oauth(400, "invalid_grant", "unknown refresh token")
            if old.used or old.revoked:
                for grant in self._grants.values():
                    if grant.family == old.family:
                        grant.revoked = True
                raise _oauth(400, "invalid_grant", "refresh token already used; its grant is revoked")
            if old.expires_at <= time.time():
                raise _oauth(400, "invalid_grant", "refresh token expired")
            old.used = True
            scope = old.scope
            if form.get("scope"):
                narrowed = form["scope"].split()
                if not set(narrowed) <= set(old.scope.split()):
                    raise _oauth(400, "invalid_scope", "a refresh may only narrow the scope")
                scope = " ".join(narrowed)
            access = self._new_grant("access", old.practitioner, client.client_id, scope, self.token_lifetime,
                                     old.family)
            refresh = self._new_grant("refresh", old.practitioner, client.client_id, scope, self.refresh_lifetime,
                                      old.family)
        return self._token_response(request, access, refresh, None)

    def _new_grant(self, kind: str, practitioner: str, client_id: str, scope: str, lifetime: int,
                   family: str) -> Grant:
        grant = Grant(secrets.token_urlsafe(32), kind, practitioner, client_id, scope, time.time() + lifetime, family)
        self._grants[grant.token] = grant
        return grant

    def _token_response(self, request: Request, access: Grant, refresh: Grant | None, nonce: str | None) -> Response:
        body: dict[str, Any] = {"access_token": access.token, "token_type": "Bearer",
                                "expires_in": self.token_lifetime, "scope": access.scope}
        if refresh is not None:
            body["refresh_token"] = refresh.token
        scopes = set(access.scope.split())
        if "openid" in scopes and ("fhirUser" in scopes or "profile" in scopes):
            body["id_token"] = self._id_token(request, access, nonce)
        if "launch/patient" in scopes and self._patient_context is not None:
            patient = self._patient_context(access.practitioner)
            if patient:
                body["patient"] = patient
        return json_response(200, body, PLAIN_JSON, {"Cache-Control": "no-store", "Pragma": "no-cache"})

    # -- OpenID Connect --------------------------------------------------------------------------------------

    def _key(self) -> rsa.RSAPrivateKey:
        with self._lock:
            if self._signing_key is None:
                self._signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            return self._signing_key

    def _id_token(self, request: Request, access: Grant, nonce: str | None) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {"iss": request.base_url, "sub": access.practitioner, "aud": access.client_id,
                                  "iat": now, "exp": now + self.token_lifetime,
                                  "fhirUser": f"{request.base_url}/Practitioner/{access.practitioner}"}
        if nonce:
            claims["nonce"] = nonce
        return jwt.encode(claims, self._key(), algorithm="RS256", headers={"kid": "demo-hospital-1"})

    def jwks(self) -> Response:
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self._key().public_key(), as_dict=True)
        jwk.update({"kid": "demo-hospital-1", "use": "sig", "alg": "RS256"})
        return json_response(200, {"keys": [jwk]}, PLAIN_JSON)
