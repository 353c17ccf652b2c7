"""Measures how much of the Belgian sample medication files is read: lines read, resolved to ingredients,
not resolved, unreadable — per file and in total.

Run: python benchmarks/bench_be_samples.py [DIRECTORY]   (default ../shared/be-samples; prints a table)
"""

from __future__ import annotations

import sys
from pathlib import Path

from consult_desktop.medlist.reader import read_medication_file
from consult_desktop.medlist.report import build_report
from consult_desktop.meds.fhir_input import InputFileError

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "be-samples"


def main() -> int:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not directory.is_dir():
        print(f"No sample directory at {directory}")
        return 1
    files = sorted(path for path in directory.rglob("*") if path.is_file() and path.name != "README.md")
    totals = [0, 0, 0, 0]
    width = max(len(str(path.relative_to(directory))) for path in files)
    print(f"{'file':<{width}}  {'format':<22} {'lines':>5} {'resolved':>8} {'not res.':>8} {'unread.':>7}")
    for path in files:
        name = str(path.relative_to(directory))
        try:
            report = build_report(read_medication_file(path))
        except InputFileError as exc:
            print(f"{name:<{width}}  file unreadable: {exc}")
            continue
        row = report.summary
        figures = [row["lines"], row["resolved"], row["not_resolved"], row["unreadable"]]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        print(f"{name:<{width}}  {report.format:<22} {figures[0]:>5} {figures[1]:>8} {figures[2]:>8} {figures[3]:>7}")
    print(f"{'total (' + str(len(files)) + ' files)':<{width}}  {'':<22} {totals[0]:>5} {totals[1]:>8} "
          f"{totals[2]:>8} {totals[3]:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
