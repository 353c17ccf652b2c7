"""What a server can do: its CapabilityStatement (``/metadata``) and SMART configuration.

:func:`parse_capability_statement` turns the JSON into :class:`ServerCapabilities`, which the sync
engine uses to choose a strategy: Bulk ``$export``, ``Patient/$everything``, per-patient searches with
``_lastUpdated``, or history. :func:`parse_smart_configuration` reads
``/.well-known/smart-configuration`` (SMART App Launch 2.x, "Conformance") into
:class:`SmartConfiguration`. Both parsers ignore unknown fields and tolerate missing ones.

Operation names are normalised without the leading ``$`` (``everything``, ``export``). Note that
``_lastUpdated`` is a parameter common to all resources that many servers do not list per type:
:meth:`ServerCapabilities.supports_last_updated` therefore answers True for a searchable type unless the
server lists search parameters for it and leaves ``_lastUpdated`` out.

Pure parsing (the fetching lives in the client); safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"


@dataclass(frozen=True, slots=True)
class SmartConfiguration:
    """The parts of ``.well-known/smart-configuration`` the client uses, plus the raw document."""

    authorization_endpoint: str | None = None
    token_endpoint: str | None = None
    capabilities: tuple[str, ...] = ()
    code_challenge_methods: tuple[str, ...] = ()
    token_endpoint_auth_methods: tuple[str, ...] = ()
    grant_types: tuple[str, ...] = ()
    scopes_supported: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def supports_pkce_s256(self) -> bool:
        return "S256" in self.code_challenge_methods


@dataclass(frozen=True, slots=True)
class ServerCapabilities:
    """The server's abilities, as declared in its CapabilityStatement.

    ``search_params`` maps a resource type to the names of its declared search parameters;
    ``interactions`` maps a type to its interaction codes (``read``, ``search-type``,
    ``history-type`` ...); ``system_interactions`` holds server-level codes (``history-system``);
    ``operations`` maps ``"system"`` or a resource type to operation names (``export``, ``everything``).
    """

    fhir_version: str | None = None
    software: str | None = None
    formats: tuple[str, ...] = ()
    resource_types: frozenset[str] = frozenset()
    search_params: dict[str, frozenset[str]] = field(default_factory=dict)
    interactions: dict[str, frozenset[str]] = field(default_factory=dict)
    system_interactions: frozenset[str] = frozenset()
    update_create: frozenset[str] = frozenset()  # types whose `updateCreate` is true
    operations: dict[str, frozenset[str]] = field(default_factory=dict)
    authorize_url: str | None = None
    token_url: str | None = None

    def supports_type(self, resource_type: str) -> bool:
        return resource_type in self.resource_types

    def supports_search(self, resource_type: str) -> bool:
        """True when type-level search is declared (or no interactions are listed for a known type)."""
        declared = self.interactions.get(resource_type)
        if declared is None:
            return resource_type in self.resource_types
        return "search-type" in declared

    def supports_search_param(self, resource_type: str, name: str) -> bool:
        return name in self.search_params.get(resource_type, frozenset())

    def supports_patient_search(self, resource_type: str) -> bool:
        """True when ``resource_type`` can be searched by patient (``patient`` or ``subject``)."""
        params = self.search_params.get(resource_type, frozenset())
        return self.supports_search(resource_type) and ("patient" in params or "subject" in params)

    def supports_last_updated(self, resource_type: str) -> bool:
        """True when ``_lastUpdated`` may be used on ``resource_type`` (see the module docstring)."""
        if not self.supports_search(resource_type):
            return False
        params = self.search_params.get(resource_type)
        return not params or "_lastUpdated" in params

    @property
    def supports_everything(self) -> bool:
        """``Patient/[id]/$everything`` is declared."""
        names = self.operations.get("Patient", frozenset()) | self.operations.get("system", frozenset())
        return "everything" in names or "patient-everything" in names

    @property
    def export_levels(self) -> frozenset[str]:
        """Where Bulk ``$export`` is declared: a subset of ``{"system", "Group", "Patient"}``."""
        # Some servers declare the type-level variants by name ("group-export", "patient-export").
        everywhere = frozenset().union(*self.operations.values()) if self.operations else frozenset()
        levels = {
            level for level in ("system", "Group", "Patient")
            if "export" in self.operations.get(level, frozenset())
        }
        if "group-export" in everywhere:
            levels.add("Group")
        if "patient-export" in everywhere:
            levels.add("Patient")
        return frozenset(levels)

    @property
    def supports_group_export(self) -> bool:
        return "Group" in self.export_levels

    def accepts_client_ids(self, resource_type: str) -> bool:
        """True when the server takes ``PUT [type]/[id]`` of a new resource (update with ``updateCreate``):
        how access reports are sent so that a retry never stores a second one."""
        return "update" in self.interactions.get(resource_type, frozenset()) and \
            resource_type in self.update_create

    @property
    def supports_system_history(self) -> bool:
        return "history-system" in self.system_interactions

    def supports_type_history(self, resource_type: str) -> bool:
        return "history-type" in self.interactions.get(resource_type, frozenset())


def parse_smart_configuration(data: dict[str, Any]) -> SmartConfiguration:
    """Read a SMART configuration document, ignoring anything unknown."""
    return SmartConfiguration(
        authorization_endpoint=_str(data.get("authorization_endpoint")),
        token_endpoint=_str(data.get("token_endpoint")),
        capabilities=_strings(data.get("capabilities")),
        code_challenge_methods=_strings(data.get("code_challenge_methods_supported")),
        token_endpoint_auth_methods=_strings(data.get("token_endpoint_auth_methods_supported")),
        grant_types=_strings(data.get("grant_types_supported")),
        scopes_supported=_strings(data.get("scopes_supported")),
        raw=data,
    )


def parse_capability_statement(data: dict[str, Any]) -> ServerCapabilities:
    """Read a CapabilityStatement (server mode ``rest`` entries), ignoring anything unknown."""
    resource_types: set[str] = set()
    search_params: dict[str, frozenset[str]] = {}
    interactions: dict[str, frozenset[str]] = {}
    system_interactions: set[str] = set()
    update_create: set[str] = set()
    operations: dict[str, set[str]] = {}
    authorize_url = token_url = None
    for rest in _dicts(data.get("rest")):
        if rest.get("mode") not in (None, "server"):
            continue
        system_interactions.update(_codes(rest.get("interaction")))
        operations.setdefault("system", set()).update(_operation_names(rest.get("operation")))
        for res in _dicts(rest.get("resource")):
            rtype = _str(res.get("type"))
            if not rtype:
                continue
            resource_types.add(rtype)
            names = {n for p in _dicts(res.get("searchParam")) if (n := _str(p.get("name")))}
            search_params[rtype] = frozenset(names | set(search_params.get(rtype, ())))
            interactions[rtype] = frozenset(_codes(res.get("interaction")) | set(interactions.get(rtype, ())))
            if res.get("updateCreate") is True:
                update_create.add(rtype)
            ops = _operation_names(res.get("operation"))
            if ops:
                operations.setdefault(rtype, set()).update(ops)
        security = rest.get("security")
        if isinstance(security, dict):
            for ext in _dicts(security.get("extension")):
                if ext.get("url") != _OAUTH_URIS:
                    continue
                for sub in _dicts(ext.get("extension")):
                    if sub.get("url") == "authorize":
                        authorize_url = _str(sub.get("valueUri")) or authorize_url
                    elif sub.get("url") == "token":
                        token_url = _str(sub.get("valueUri")) or token_url
    software = data.get("software")
    return ServerCapabilities(
        fhir_version=_str(data.get("fhirVersion")),
        software=_str(software.get("name")) if isinstance(software, dict) else None,
        formats=_strings(data.get("format")),
        resource_types=frozenset(resource_types),
        search_params=search_params,
        interactions=interactions,
        system_interactions=frozenset(system_interactions),
        update_create=frozenset(update_create),
        operations={k: frozenset(v) for k, v in operations.items() if v},
        authorize_url=authorize_url,
        token_url=token_url,
    )


def _operation_names(value: Any) -> set[str]:
    names: set[str] = set()
    for op in _dicts(value):
        name = _str(op.get("name"))
        definition = _str(op.get("definition"))
        if name:
            names.add(name.lstrip("$"))
        elif definition:  # fall back on the canonical URL's last segment
            names.add(definition.rstrip("/").rsplit("/", 1)[-1].lstrip("$"))
    return names


def _codes(value: Any) -> set[str]:
    return {c for item in _dicts(value) if (c := _str(item.get("code")))}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()
