"""The sync of hospital servers into the encrypted profile (no Qt).

`setup.run_sync` is the entry point; `engine.SyncEngine` runs the steps, one module each (`patients`,
`changes` with `export`, `deletions`, `medications`, `attachments`), all resuming through `rounds`. The
run's state is `run_state.SyncRun`; the server is reached through the `source.FhirSource` protocol.
"""
