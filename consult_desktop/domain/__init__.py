"""Domain model: frozen dataclasses for what the screens show, without I/O or Qt.

Modules: ``patient`` (Patient, display_name), ``document`` (Document, Attachment), ``lab_result``
(LabResult), ``encounter``, ``condition``, ``allergy`` (Allergy, AllergyReaction), ``immunization``,
``procedure``, ``roles`` (RoleProfile per role: GP, nurse, physiotherapist).
FHIR JSON is turned into these objects by ``consult_desktop.fhir.mapping``. Safe on any thread.
"""
