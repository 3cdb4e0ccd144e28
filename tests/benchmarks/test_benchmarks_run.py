"""The benchmarks themselves keep working: each runs at a small scale and reports figures
in the bench-results.json shape. Speed is judged by `make bench`, never here."""

from __future__ import annotations

import importlib
import json
import math
from pathlib import Path

import pytest

from tests.benchmarks.__main__ import BENCHMARKS
from tests.benchmarks.harness import write_results


@pytest.mark.parametrize("module_name", BENCHMARKS)
def test_benchmark_runs_and_reports_figures(module_name: str, tmp_path: Path) -> None:
    results = importlib.import_module(module_name).run(0.02)
    assert results
    out = tmp_path / "bench-results.json"
    write_results(results, out)
    rows = json.loads(out.read_text())["benchmarks"]
    for row in rows:
        assert set(row) == {"name", "value", "unit", "baseline", "ratio", "goal"}
        assert math.isfinite(row["value"]) and row["value"] > 0
        if row["baseline"] is not None:
            assert row["ratio"] == pytest.approx(row["value"] / row["baseline"])
