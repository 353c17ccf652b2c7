"""FHIR R4 client layer: HTTP, authentication, paging, Bulk Data, validation, mapping to the domain.

Where things are (import from the modules; this package imports nothing itself):

- ``client``: :class:`FhirClient` (the main entry point; its docstring lists the API), ``format_instant``
- ``server_config``: :class:`ServerConfig` (settings without secrets in ``to_dict``)
- ``auth``: ``make_auth`` (and re-exports); ``auth_base``: ``Auth`` / ``TokenStore`` protocols, ``NoAuth``,
  ``BearerAuth``, ``MemoryTokenStore``; ``token_endpoint``: token requests, SMART discovery;
  ``client_credentials``: ``ClientCredentialsAuth`` (secret or private_key_jwt); ``smart_auth``:
  ``SmartAuth`` (standalone launch, PKCE, loopback redirect via ``loopback_redirect``)
- ``transport``: pooled session with the OS trust store, retries, Retry-After, same-origin redirects,
  error mapping; ``response_limits``: what one answer may hold (bytes, JSON nesting, resources per page)
- ``capabilities``: ``ServerCapabilities``, ``SmartConfiguration``
- ``paging``: ``Page``, ``HistoryPage``, ``HistoryEntry``; ``bulk_export``: ``ExportStatus`` and friends
- ``attachments``: size-limited downloads; ``concurrency``: ``CancelToken``
- ``errors``: ``FhirError`` and its subclasses (messages fit for a GP, no patient data)
- ``validation``: ``validate_resource`` (fhir.resources R4B models); ``validation_pool``: ``open_validator``
  (the same checks for whole pages, in worker processes)
- ``mapping`` (with ``fhir_values``): FHIR JSON -> ``consult_desktop.domain`` dataclasses

Network calls block: run them on worker threads. Nothing here imports Qt.
"""
