"""Wrong passphrases typed into several `rhi-desktop` processes at once still reach the
wipe that machine policy asks for."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.core.cli.conftest import Run

PASS = "harbour violin pebble thistle"
LIMIT = 4  # the first four attempts carry no back-off, so all of them are tried


def test_parallel_wrong_guesses_wipe_the_profile_at_the_policy_limit(
    tmp_path: Path, rhi: Run, cli_env: dict[str, str]
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text(f"max_failed_unlocks = {LIMIT}\n", encoding="utf-8")
    env = {**cli_env, "RHI_DESKTOP_POLICY": str(policy)}
    profile = tmp_path / "profile"
    made = rhi("init", "--profile", str(profile), "--passphrase-stdin", stdin=PASS + "\n", env=env)
    assert made.returncode == 0, made.stderr

    command = [sys.executable, "-m", "rhi_desktop.cli", "stats", "--passphrase-stdin"]
    guesses = [
        subprocess.Popen(
            [*command, "--profile", str(profile)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        for _ in range(2 * LIMIT)
    ]
    for n, guess in enumerate(guesses):  # all of them are guessing before any is read
        assert guess.stdin is not None
        guess.stdin.write(f"wrong guess {n}\n")
        guess.stdin.close()
    said: Counter[str] = Counter()
    for guess in guesses:
        assert guess.stderr is not None
        stderr = guess.stderr.read()
        assert guess.wait(timeout=120) == 1
        if "passphrase is not right" in stderr:
            said["wrong"] += 1
        elif "has been erased" in stderr:
            said["erased"] += 1
        elif "no key file" in stderr:
            said["no profile"] += 1

    assert said == {"wrong": LIMIT - 1, "erased": 1, "no profile": LIMIT}
    assert not (profile / "vault.json").exists()
    assert not (profile / "rhi.db").exists()
