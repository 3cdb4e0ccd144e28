"""What a benchmark reports, and how results are written to bench-results.json."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class BenchResult:
    """One figure: `value` measured against `baseline` from the same run.

    `ratio` is value / baseline; `goal` is the ratio (or absolute value, see `unit`) the
    figure should not exceed. Figures without a baseline (e.g. a time reported for
    information) carry baseline and ratio as None.
    """

    name: str
    value: float
    unit: str
    baseline: float | None
    ratio: float | None
    goal: float | None

    @classmethod
    def compare(
        cls, name: str, value: float, baseline: float, unit: str, goal: float | None
    ) -> BenchResult:
        return cls(name, value, unit, baseline, value / baseline, goal)

    @classmethod
    def report(cls, name: str, value: float, unit: str, goal: float | None = None) -> BenchResult:
        return cls(name, value, unit, None, None, goal)


def best_of(repeats: int, work: Callable[[], object]) -> float:
    """Minimum wall time over `repeats` runs: the least disturbed by other load."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def median_of(samples: list[float]) -> float:
    return statistics.median(samples)


def write_results(results: list[BenchResult], out: Path) -> None:
    out.write_text(json.dumps({"benchmarks": [asdict(r) for r in results]}, indent=2) + "\n")


def describe(result: BenchResult) -> str:
    if result.ratio is None:
        text = f"{result.name}: {result.value:.4g} {result.unit}"
    else:
        text = (
            f"{result.name}: {result.value:.4g} {result.unit} vs baseline "
            f"{result.baseline:.4g} {result.unit} -> ratio {result.ratio:.3f}"
        )
    if result.goal is not None:
        text += f" (goal {result.goal:g})"
    return text
