"""Consult Desktop: hospital FHIR records for general practitioners, kept offline in an encrypted cache."""

__version__ = "0.1.0"
