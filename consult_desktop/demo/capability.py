"""The demo server's CapabilityStatement (FHIR R4, 4.0.1) and SMART configuration document.

Pure functions of the server settings; called on request threads. Capabilities switched off in the settings
are left out here and refused by the routes, so a client that reads this statement can pick its strategy.
"""

from __future__ import annotations

from consult_desktop import __version__
from consult_desktop.demo.audit_events import capability_entry as audit_capability_entry
from consult_desktop.demo.auth import ASSERTION_ALGORITHMS, SCOPES_SUPPORTED
from consult_desktop.demo.fhir_api import ApiSettings
from consult_desktop.demo.fhir_elements import JSON, instant
from consult_desktop.demo.resource_log import PATIENT_TYPES, SHARED_TYPES
from consult_desktop.demo.search import token_params_for

SMART_CAPABILITIES = [
    "launch-standalone", "client-public", "client-confidential-symmetric", "client-confidential-asymmetric",
    "permission-offline", "permission-user", "sso-openid-connect", "context-standalone-patient",
]
EVERYTHING = "http://hl7.org/fhir/OperationDefinition/Patient-everything"
GROUP_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export"
PATIENT_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export"


def _params(rtype: str, settings: ApiSettings) -> list[JSON]:
    params: list[JSON] = [
        {"name": "_id", "type": "token", "documentation": "One id or a comma-separated list."},
        {"name": "_count", "type": "number", "documentation": f"Page size, default {settings.page_size}, "
                                                              f"at most {settings.max_page_size}."},
    ]
    if settings.on("last_updated"):
        params.append({"name": "_lastUpdated", "type": "date",
                       "documentation": "Prefixes eq, ne, gt, ge, lt, le, sa, eb; repeat to AND."})
    if rtype == "Patient":
        params.append({"name": "general-practitioner", "type": "reference"})
        params.append({"name": "identifier", "type": "token"})
    elif rtype in PATIENT_TYPES and rtype != "Medication":
        if settings.on("patient_list_search"):
            doc = "One patient or a comma-separated list (Patient/x or x); unauthorised patients in a list are " \
                  "left out, a single unauthorised patient is refused (403)."
        else:
            doc = "Exactly one patient."
        if not settings.on("type_search"):
            doc += " Required."
        params.append({"name": "patient", "type": "reference", "documentation": doc})
        params.append({"name": "subject", "type": "reference", "documentation": "Same as patient."})
    params.extend({"name": name, "type": "token"} for name in token_params_for(rtype))
    return params


def capability_statement(base_url: str, root_url: str, settings: ApiSettings, secured: bool, now_ms: int) -> JSON:
    resources = []
    for rtype in (*PATIENT_TYPES, *SHARED_TYPES, "Group"):
        interactions = [{"code": "read"}, {"code": "search-type"}]
        if settings.on("vread") and rtype != "Group":
            interactions.append({"code": "vread"})
        if settings.on("history") and rtype != "Group":
            interactions += [{"code": "history-type"}, {"code": "history-instance"}]
        entry: JSON = {"type": rtype, "interaction": interactions,
                       "versioning": "versioned" if rtype != "Group" else "no-version",
                       "readHistory": settings.on("vread") and rtype != "Group",
                       "searchParam": _params(rtype, settings)}
        if rtype in ("MedicationRequest", "MedicationStatement") and settings.on("include"):
            entry["searchInclude"] = [f"{rtype}:medication"]
        operations = []
        if rtype == "Patient" and settings.on("everything"):
            operations.append({"name": "everything", "definition": EVERYTHING,
                               "documentation": "Parameters _since, _type, _count; paged."})
        if rtype == "Patient" and settings.on("export"):
            operations.append({"name": "export", "definition": PATIENT_EXPORT})
        if rtype == "Group" and settings.on("export"):
            operations.append({"name": "export", "definition": GROUP_EXPORT,
                               "documentation": "Group grp-{practitioner id}: the caller's authorised patients."})
        if operations:
            entry["operation"] = operations
        resources.append(entry)
    resources.append({"type": "Binary", "interaction": [{"code": "read"}]})
    resources.append(audit_capability_entry())
    rest: JSON = {"mode": "server", "resource": resources}
    if settings.on("history"):
        rest["interaction"] = [{"code": "history-system"}]
    if secured:
        rest["security"] = {
            "cors": False,
            "service": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/restful-security-service",
                                     "code": "SMART-on-FHIR"}]}],
            "extension": [{
                "url": "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                "extension": [{"url": "token", "valueUri": f"{root_url}/auth/token"},
                              {"url": "authorize", "valueUri": f"{root_url}/auth/authorize"}],
            }],
        }
    return {
        "resourceType": "CapabilityStatement", "id": "demo-hospital", "status": "active",
        "date": instant(now_ms), "publisher": "Consult Desktop", "kind": "instance",
        "software": {"name": "Consult Desktop demo hospital", "version": __version__},
        "implementation": {"description": "Synthetic Belgian hospital (test data only)", "url": base_url},
        "fhirVersion": "4.0.1", "format": ["application/fhir+json", "json"], "rest": [rest],
    }


def smart_configuration(base_url: str, root_url: str) -> JSON:
    return {
        "issuer": base_url,
        "jwks_uri": f"{root_url}/auth/jwks",
        "authorization_endpoint": f"{root_url}/auth/authorize",
        "token_endpoint": f"{root_url}/auth/token",
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ASSERTION_ALGORITHMS,
        "grant_types_supported": ["authorization_code", "client_credentials", "refresh_token"],
        "scopes_supported": SCOPES_SUPPORTED,
        "response_types_supported": ["code"],
        "code_challenge_methods_supported": ["S256"],
        "capabilities": SMART_CAPABILITIES,
    }
