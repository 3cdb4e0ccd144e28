"""`make bench`: run every benchmark module and write bench-results.json.

Each module in BENCHMARKS exposes `run(scale: float) -> list[BenchResult]`; scale 1.0 is the
size the issue names, smaller scales let the test suite check the benchmarks still run.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from tests.benchmarks.harness import BenchResult, describe, write_results

BENCHMARKS = [
    "tests.benchmarks.bench_store",
    "tests.benchmarks.bench_reports",
    "tests.benchmarks.bench_forms",
    "tests.benchmarks.bench_sync",
    "tests.benchmarks.bench_ui",
    "tests.benchmarks.bench_packaging",
]


def run_all(scale: float, only: str | None = None) -> list[BenchResult]:
    results: list[BenchResult] = []
    for name in BENCHMARKS:
        if only and only not in name:
            continue
        module = importlib.import_module(name)
        for result in module.run(scale):
            print(describe(result), flush=True)
            results.append(result)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--out", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", help="run only benchmark modules whose name contains this")
    args = parser.parse_args(argv)
    write_results(run_all(args.scale, args.only), args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
