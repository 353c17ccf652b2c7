"""`kill -9` of a sync at any moment, then a new sync: the result equals a clean full sync."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.demo.server import DemoServer
from consult_desktop.sync.engine import SyncOptions
from consult_desktop.sync.progress import SyncStatus


@pytest.mark.parametrize("strategy", ["auto", "everything", "export"])
def test_kill_dash_nine_then_resume_equals_clean_sync(strategy: str, make_profile, tmp_path) -> None:
    hospital = DemoHospital(patients=16, seed=3)
    # Latency stretches the sync over a few seconds so the kills land in the middle of it.
    server = DemoServer(hospital, auth="none", page_size=20, latency_ms=15)
    server.start()
    try:
        group = hospital.group_id(hospital.default_practitioner_id)
        options = SyncOptions(group_id=group) if strategy == "export" else SyncOptions(strategy=strategy)
        prof = make_profile(server, options)
        env = {**os.environ, "CONSULT_PASSPHRASE": "integration passphrase",
               "CONSULT_DATA_DIR": str(prof.profile.directory)}
        killed_mid_sync = 0
        for delay in (0.6, 1.2, 1.8, 2.4):
            proc = subprocess.Popen([sys.executable, "-m", "consult_desktop", "sync", "--json"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                killed_mid_sync += 1
            proc.wait(timeout=60)
        assert killed_mid_sync >= 2, "the sync finished before it could be interrupted"
        server.set_latency(0)
        final = prof.sync()
        assert final.status == SyncStatus.OK, final
        clean = make_profile(server, options)
        assert clean.sync().status == SyncStatus.OK
        mine, theirs = prof.snapshot(), clean.snapshot()
        for key in mine:
            assert sorted(mine[key]) == sorted(theirs[key]), key
    finally:
        server.stop()
