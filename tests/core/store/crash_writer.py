"""A child process for the crash tests: writes a stream of transactions to a store and
prints each id after its transaction commits, until the parent kills it.

Usage: python -m tests.core.store.crash_writer DB [--hang-after N]; the data key comes
as hex on the first line of stdin (never on the command line). With --hang-after N, the
N+1th transaction prints `mid <id>` before committing and then blocks until killed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    ReturnInterview,
    new_id,
)
from rhi_desktop.store import Store, Transaction

LIMIT = 3000  # never run away if the parent dies first


def write_one(tx: Transaction, n: int) -> str:
    now = datetime.now(UTC)
    child = tx.children.add(
        Child(
            id=new_id(),
            case_reference=f"CRASH-{new_id()}",
            name=f"Crash Test Child {n}",
            date_of_birth=date(2010, 1, 1),
        )
    )
    episode = tx.episodes.add(
        MissingEpisode(
            id=new_id(),
            child_id=child.id,
            type=EpisodeType.MISSING,
            start=now - timedelta(hours=8),
            end=now - timedelta(hours=1),
        )
    )
    interview = tx.interviews.add(
        ReturnInterview(
            id=new_id(),
            child_id=child.id,
            episode_ids=(episode.id,),
            interviewer_id="interviewer-1",
            returned_at=now - timedelta(hours=1),
            answers={"notes": "x" * 2000, "n": n},
        )
    )
    tx.interviews.transition(interview.id, InterviewState.OFFERED)
    return child.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--hang-after", type=int, default=None)
    args = parser.parse_args()
    dek = bytes.fromhex(sys.stdin.readline().strip())
    store = Store.open(args.db, dek, key_verified=True)
    for n in range(LIMIT):
        if n == args.hang_after:
            with store.transaction("crash-writer") as tx:
                child_id = write_one(tx, n)
                print(f"mid {child_id}", flush=True)
                sys.stdin.readline()  # blocks: the parent kills us here
        with store.transaction("crash-writer") as tx:
            child_id = write_one(tx, n)
        print(f"committed {child_id}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
