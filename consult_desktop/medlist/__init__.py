"""The GP's medication list from Belgian files, and back out: read, report, match, import, export.

- `reader.read_medication_file(path) -> FileRead` (KMEHR, Belgian/generic FHIR, CSV; format by content)
- `report.build_report(file_read) -> MedicationReport` (lines resolved to ingredients, dose, status, why not)
- `patient_match.match_patient(file_patient, stored_patient) -> PatientMatch`
- `importer.preview_import(...)` / `importer.commit_import(...)`: added / changed / suspended / stopped
- `export.export_kmehr(...)`, `export.export_fhir(...)`: the reconciled list as a medication scheme / Bundle
Plain Python, no Qt. Readers and the report run on any thread; import and export use the Store and run on
the thread that owns it.
"""
