"""`SyncRun`: what one sync has done so far (strategy used, patients purged, resources deleted, problems),
turned into the `SyncReport` when it ends, whatever way it ends. Used on the sync engine's thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consult_desktop.sync.ingest import PageIngester
from consult_desktop.sync.progress import SyncReport, SyncStatus

MAX_PROBLEMS = 200


@dataclass
class SyncRun:
    strategy: str = ""
    purged: int = 0
    deleted: int = 0
    attachments: int = 0
    problems: list[str] = field(default_factory=list)  # ids and reasons, no patient data
    ingester: PageIngester | None = None  # set once the authorised set is known

    def report(self, status: SyncStatus, message: str, requests: int, seconds: float) -> SyncReport:
        ingester = self.ingester
        counts = ingester.counts if ingester is not None else None
        return SyncReport(
            status=status, message=message, strategy=self.strategy,
            patients=len(ingester.authorised) if ingester is not None else 0, patients_purged=self.purged,
            resources_written=counts.written if counts else 0, resources_deleted=self.deleted,
            resources_hidden=counts.hidden if counts else 0, quarantined=counts.quarantined if counts else 0,
            attachments=self.attachments, requests=requests, seconds=seconds,
            problems=self.problems[:MAX_PROBLEMS],
        )
