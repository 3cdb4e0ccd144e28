"""`rhi-central` end to end, each command in its own process, on an embedded SQLite file."""

from __future__ import annotations

import json
import re
import shlex
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from fastapi.testclient import TestClient
from sqlalchemy import select

from rhi_desktop.forms.loader import BOM
from sync import protocol
from sync.server import schema
from sync.server.app import create_app
from sync.server.db import open_engine
from sync.server.migrations import LATEST
from tests.rhi_definition import rhi_definition
from tests.sync.client.certificates import issue_server_files, make_authority
from tests.sync.client.live_central import free_port
from tests.sync.server.cli_process import rhi_central
from tests.sync.server.throwaway_postgres import PostgresCluster

CODE = re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\n$")
ASSIGN = (
    "assign --interviewer {who} --child-ref C-1 --episode-type M "
    "--missing-since 2026-01-10T18:00:00+00:00 --returned-at {returned}"
)
CHILD = "Fictional Child\n2010-04-01\n"  # name and date of birth, on standard input


def _ok(line: str, db: str, *extra: str) -> str:
    done = rhi_central(*shlex.split(line), "--db", db, *extra, stdin=CHILD)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _error(status: int, line: str, db: str, *extra: str, stdin: str = CHILD) -> str:
    done = rhi_central(*shlex.split(line), "--db", db, *extra, stdin=stdin)
    assert done.returncode == status, (done.stdout, done.stderr)
    assert done.stdout == ""
    return done.stderr


def _sqlite(directory: Path) -> str:
    return f"sqlite:///{directory / 'central.db'}"


def test_administrator_sets_up_a_team_and_enrols_revokes_and_counts_devices(
    tmp_path: Path,
) -> None:
    db = _sqlite(tmp_path)
    assert _ok("init", db).startswith(f"schema at version {LATEST}")
    assert "none needed" in _ok("init", db)
    user_id = _ok("users add --username sam --role interviewer --team 'North team'", db)
    assert str(uuid.UUID(user_id.strip())) == user_id.strip()
    code = _ok("enrol-code --username sam", db)
    assert CODE.match(code), code
    assigned = ASSIGN.format(who="sam", returned="2026-01-11T21:30:00Z") + " --looked-after yes"
    made = json.loads(_ok(assigned, db))
    assert made["due_by"] == "2026-01-14T21:30:00+00:00"

    engine = open_engine(db)
    with TestClient(create_app(engine)) as client:
        enrolled = client.post(
            protocol.ENROL_PATH,
            json={"code": code.strip(), "device_name": "Laptop 7", "app_version": "0.1.0"},
        ).json()
        headers = protocol.bearer(enrolled["device_token"])
        pulled = client.get(protocol.PULL_PATH, headers=headers).json()
        assert {c["entity_id"] for c in pulled["changes"]} == {
            made["child_id"],
            made["episode_id"],
            made["interview_id"],
        }
        in_care = {c["entity"]: c["payload"].get("looked_after") for c in pulled["changes"]}
        assert in_care == {"child": True, "episode": True, "interview": None}

        listing = _ok("devices list", db).splitlines()
        assert listing[0].split("\t")[:3] == ["id", "user", "name"]
        assert listing[1].split("\t")[:3] == [enrolled["device_id"], "sam", "Laptop 7"]
        assert listing[1].endswith("\tactive")

        device_id = enrolled["device_id"]
        assert "wipe its data" in _ok(f"devices revoke {device_id}", db)
        assert "already revoked" in _ok(f"devices revoke {device_id}", db)
        assert _ok("devices list", db).splitlines()[1].endswith("\trevoked")
        refused = client.get(protocol.PULL_PATH, headers=headers)
        assert refused.status_code == 401 and refused.json()["wipe"] is True
    engine.dispose()

    stats = json.loads(_ok("stats", db))
    assert stats["users"] == 1 and stats["devices"] == 1 and stats["interviews"] == 1
    assert stats["active_devices"] == 0 and stats["changes_applied"] == 0


def test_demo_seed_creates_the_demo_people_and_is_safe_to_run_twice(tmp_path: Path) -> None:
    db = _sqlite(tmp_path)
    _ok("init", db)
    assert "3 assignments" in _ok("seed-demo", db)
    assert "already present" in _ok("seed-demo", db)
    assert CODE.match(_ok("enrol-code --username demo-interviewer", db))
    assert CODE.match(_ok("enrol-code --username demo-coordinator", db))
    stats = json.loads(_ok("stats", db))
    assert (stats["users"], stats["interviews"]) == (3, 3)


def test_published_form_definition_is_checked_and_versioned(tmp_path: Path) -> None:
    db = _sqlite(tmp_path)
    form = tmp_path / "form.json"
    form.write_text(json.dumps(rhi_definition(2)), encoding="utf-8")
    _ok("init", db)
    publish = f"publish --entity form_definition --entity-id rhi-v2 --file {form}"
    assert _ok(publish, db).strip() == "published form rhi version 2 as form_definition rhi-v2"
    assert "form rhi version 2" in _ok(publish, db)  # the same again: harmless
    changed = rhi_definition(2)
    changed["title"] = "Corrected without a new version number"
    form.write_text(json.dumps(changed), encoding="utf-8")
    refused = _error(1, publish, db)
    assert "A changed form needs a new version number" in refused
    form.write_text(json.dumps(rhi_definition(3)), encoding="utf-8")
    assert "already carries form rhi version 2" in _error(1, publish, db)
    form.write_text(json.dumps({"form_id": "rhi", "version": 3}), encoding="utf-8")
    refused = _error(1, publish, db)
    assert "The form definition cannot be used" in refused and "title" in refused
    form.write_text("[1, 2]", encoding="utf-8")
    assert "(form): must be an object" in _error(1, publish, db)
    assert "invalid choice: 'policy'" in _error(2, publish.replace("form_definition", "policy"), db)


def test_a_form_file_is_read_as_a_device_reads_one(tmp_path: Path) -> None:
    """A file saved with a byte order mark (as Windows Notepad saves) was "not valid
    JSON", though devices read it; a key given twice was published with the first copy
    dropped unsaid, though devices refuse such a file."""
    db = _sqlite(tmp_path)
    form = tmp_path / "form.json"
    _ok("init", db)
    publish = f"publish --entity form_definition --entity-id rhi-v2 --file {form}"
    form.write_text(BOM + json.dumps(rhi_definition(2)), encoding="utf-8")
    assert _ok(publish, db).startswith("published form rhi version 2")
    text = json.dumps(rhi_definition(3))
    twice = text.replace('"version": 3,', '"version": 3, "title": "First",', 1)
    assert twice != text
    form.write_text(twice, encoding="utf-8")
    refused = _error(1, publish.replace("rhi-v2", "rhi-v3"), db)
    assert "title: given more than once; give it once" in refused


def test_publishing_a_form_interviews_are_not_started_on_says_so(tmp_path: Path) -> None:
    db = _sqlite(tmp_path)
    form = tmp_path / "form.json"
    _ok("init", db)
    for form_id, warned in (("rhi", False), ("council_rhi", True)):
        definition = rhi_definition(2)
        definition["form_id"] = form_id
        form.write_text(json.dumps(definition), encoding="utf-8")
        done = rhi_central(
            *shlex.split(f"publish --entity form_definition --entity-id {form_id}-v2"),
            *("--file", str(form), "--db", db),
            stdin=CHILD,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"published form {form_id} version 2")
        assert ("never start an interview on it" in done.stderr) is warned


def test_serve_refuses_a_tls_key_every_account_can_read(tmp_path: Path) -> None:
    db = _sqlite(tmp_path)
    _ok("init", db)
    cert, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    cert.write_text("certificate\n")
    key.write_text("key\n")
    key.chmod(0o644)
    refused = _error(1, f"serve --tls-cert {cert} --tls-key {key}", db)
    assert "can be read by every account on this machine (mode 0644)" in refused
    assert f"chmod 640 {key}" in refused


def test_serve_explains_a_tls_certificate_and_key_it_cannot_use_in_one_line(
    tmp_path: Path,
) -> None:
    db = _sqlite(tmp_path)
    _ok("init", db)
    files = issue_server_files(make_authority(), tmp_path, "localhost")
    other = issue_server_files(make_authority(), tmp_path / "other", "localhost")
    key = serialization.load_pem_private_key(files.key.read_bytes(), password=None)
    locked = tmp_path / "locked.pem"
    locked.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"typed at boot"),
        )
    )
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a certificate\n")
    for path in (other.key, locked, garbage):
        path.chmod(0o600)

    for cert, key_file, message in (
        (files.cert, other.key, "the key does not match the certificate"),
        (files.cert, locked, "protected by a passphrase"),
        (garbage, files.key, "not a PEM certificate chain and a PEM private key"),
    ):
        refused = _error(1, f"serve --tls-cert {cert} --tls-key {key_file}", db, stdin="")
        assert refused.count("\n") == 1 and message in refused, refused


def test_team_names_match_whatever_their_case_and_spacing_and_line_ends_are_refused(
    tmp_path: Path,
) -> None:
    db = _sqlite(tmp_path)
    _ok("init", db)
    _ok("users add --username amy --role interviewer --team 'North team'", db)
    _ok("users add --username ben --role interviewer --team ' north   Team '", db)
    line_end = ("users", "add", "--username", "cara", "--role", "coordinator")
    refused = rhi_central(*line_end, "--team", "North team\r", "--db", db, stdin="")
    assert refused.returncode == 1
    assert "control character" in refused.stderr and "spreadsheet" in refused.stderr
    listing = [line.split("\t") for line in _ok("users list", db).splitlines()]
    assert listing == [["user", "role", "team", "left"], ["amy", "interviewer", "North team", ""],
                       ["ben", "interviewer", "North team", ""]]  # fmt: skip


def test_someone_who_leaves_loses_every_device_and_code_and_their_open_work_is_named(
    tmp_path: Path,
) -> None:
    db = _sqlite(tmp_path)
    _ok("init", db)
    _ok("users add --username sam --role interviewer --team North", db)
    engine = open_engine(db)
    with TestClient(create_app(engine)) as client:
        enrolled = client.post(
            protocol.ENROL_PATH, json=_enrolment(_ok("enrol-code --username sam", db))
        )
        assert enrolled.status_code == 201
        token = enrolled.json()["device_token"]
        unused = _ok("enrol-code --username sam", db).strip()  # issued, never used
        returned = "2026-01-11T22:00:00+00:00"
        _ok(ASSIGN.format(who="sam", returned=returned), db)

        done = rhi_central("users", "leave", "sam", "--db", db, stdin="")

        assert done.returncode == 0, done.stderr
        assert done.stdout == (
            "sam has left: 1 device(s) revoked, 1 unused enrolment code(s) cancelled\n"
        )
        assert "1 interview(s) on their caseload are not yet approved" in done.stderr
        # The laptop wipes at its next contact: IT is told what that erases.
        device_id = enrolled.json()["device_id"]
        assert f"Device {device_id} last reached the service at " in done.stderr
        assert "anything on it the service has not accepted is erased" in done.stderr
        assert "rhi-central users hand-over sam --to USERNAME" in done.stderr
        pulled = client.get(protocol.PULL_PATH, headers=protocol.bearer(token))
        assert pulled.status_code == 401 and pulled.json()["code"] == "device_revoked"
        assert client.post(protocol.ENROL_PATH, json=_enrolment(unused)).status_code == 401
    engine.dispose()
    assert "has left" in _error(1, "enrol-code --username sam", db)
    assert "already left" in _error(1, "users leave sam", db)
    assert "has left" in _error(1, ASSIGN.format(who="sam", returned=returned), db)
    [_, sam] = [line.split("\t") for line in _ok("users list", db).splitlines()]
    assert sam[:3] == ["sam", "interviewer", "North"] and sam[3]


def test_a_leavers_open_interviews_are_handed_to_a_colleague_in_their_team(
    tmp_path: Path,
) -> None:
    db = _sqlite(tmp_path)
    _ok("init", db)
    for name, role, team in (
        ("sam", "interviewer", "North"),
        ("ben", "interviewer", "North"),
        ("ann", "interviewer", "South"),
        ("cat", "coordinator", "North"),
        ("dan", "interviewer", "North"),
    ):
        _ok(f"users add --username {name} --role {role} --team {team}", db)
    made = json.loads(_ok(ASSIGN.format(who="sam", returned="2026-01-11T22:00Z"), db))
    assert "has not left" in _error(1, "users hand-over sam --to ben", db)
    _ok("users leave sam", db)
    _ok("users leave dan", db)
    assert "not in the team of 'sam'" in _error(1, "users hand-over sam --to ann", db)
    assert "not an interviewer" in _error(1, "users hand-over sam --to cat", db)
    assert "has left" in _error(1, "users hand-over sam --to dan", db)
    assert "No user is called" in _error(1, "users hand-over nobody --to ben", db)

    moved = _ok("users hand-over sam --to ben", db)

    assert moved == f"1 interview(s) moved from sam to ben\n{made['interview_id']}\n"
    assert _ok("users hand-over sam --to ben", db) == "0 interview(s) moved from sam to ben\n"


def _enrolment(code: str) -> dict[str, str]:
    return {"code": code.strip(), "device_name": "Laptop", "app_version": "1.0"}


@pytest.fixture(scope="module")
def team_of_two_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A coordinator (dup) and an interviewer (ivy), for commands that are refused."""
    db = _sqlite(tmp_path_factory.mktemp("cli"))
    _ok("init", db)
    _ok("users add --username dup --role coordinator --team N", db)
    _ok("users add --username ivy --role interviewer --team N", db)
    return db


@pytest.mark.parametrize(
    "line, message",
    [
        ("users add --username sam --role interviewer", "must belong to a team"),
        ("users add --username dup --role coordinator --team N", "already exists"),
        ("enrol-code --username nobody", "No user is called 'nobody'"),
        (f"devices revoke {uuid.UUID(int=7)}", "No device has the id"),
        (ASSIGN.format(who="dup", returned="2026-01-11T00:00Z"), "not an interviewer"),
        (ASSIGN.format(who="nobody", returned="2026-01-11T00:00Z"), "No user is called"),
        (ASSIGN.format(who="dup", returned="2026-01-01T00:00Z"), "before going missing"),
        (
            ASSIGN.format(who="dup", returned="2026-01-11T00:00Z").replace("type M", "type A")
            + " --looked-after no",
            "applies only to a child who is looked after",
        ),
    ],
)
def test_refused_commands_explain_themselves_in_one_line(
    team_of_two_db: str, line: str, message: str
) -> None:
    stderr = _error(1, line, team_of_two_db)
    assert stderr.count("\n") == 1 and stderr.startswith("rhi-central: error: ")
    assert message in stderr


@pytest.mark.parametrize(
    "child, problem",
    [
        ("Fictional Child\n14/03/2010\n", "date of birth as YYYY-MM-DD on the second line"),
        ("\n2010-04-01\n", "child's name on the first line"),
    ],
)
def test_a_child_is_assigned_from_standard_input_and_a_bad_entry_is_not_repeated(
    team_of_two_db: str, child: str, problem: str
) -> None:
    line = ASSIGN.format(who="dup", returned="2026-01-11T00:00Z")  # read before anything
    assert "--child-name" not in line and "--date-of-birth" not in line  # never in argv
    stderr = _error(1, line, team_of_two_db, stdin=child)
    assert problem in stderr and stderr.count("\n") == 1
    assert "14/03/2010" not in stderr and "Fictional" not in stderr


def test_commands_on_a_database_never_initialised_say_to_run_init(tmp_path: Path) -> None:
    missing = tmp_path / "never.db"
    assert "run `rhi-central init` first" in _error(1, "stats", f"sqlite:///{missing}")
    assert not missing.exists()
    assert "Only sqlite" in _error(1, "stats", "mysql://x/y")


@pytest.mark.parametrize(
    "line",
    [
        "stats",  # no --db and no RHI_CENTRAL_DB
        "users add --db sqlite:///x.db --username u --role chief",
        "assign --db sqlite:///x.db "
        + ASSIGN.format(who="u", returned="2026-01-11T00:00").removeprefix("assign "),
        "",
    ],
)
def test_usage_errors_exit_with_status_2(line: str) -> None:
    done = rhi_central(*shlex.split(line))
    assert done.returncode == 2, done.stderr
    assert "usage:" in done.stderr


@pytest.mark.parametrize(
    "child, change, message",
    [
        ("Fictional Child\n2035-01-01\n", "", "date of birth is in the future"),
        ("Fictional Child\n1990-01-01\n", "", "18 or over when they went missing"),
        ("Fictional Child\n2026-01-11\n", "", "went missing before their date of birth"),
        (CHILD, "returned-at 2099-01-11T00:00Z", "return time is in the future"),
        (CHILD, "child-ref ' '", "Give the child's case reference"),
        (CHILD, "child-ref '=HYPERLINK(\"x\")'", "would run it as a formula"),
        (CHILD, "child-ref @SUM(A1)", "would run it as a formula"),
    ],
)
def test_an_assignment_the_app_would_refuse_is_refused_here_too(
    team_of_two_db: str, child: str, change: str, message: str
) -> None:
    line = ASSIGN.format(who="ivy", returned="2026-01-11T00:00Z")
    if change:
        option, value = change.split(" ", 1)
        line = re.sub(rf"--{option} \S+", f"--{option} {value}", line)
    stderr = _error(1, line, team_of_two_db, stdin=child)
    assert stderr.count("\n") == 1 and message in stderr
    assert "Fictional" not in stderr and "2035" not in stderr  # no personal data


@pytest.mark.parametrize("listing", ["users list", "devices list"])
def test_a_listing_that_cannot_be_made_writes_nothing_to_standard_output(
    tmp_path: Path, listing: str
) -> None:
    """Redirected to a file, a failed listing must leave it empty, not a header alone."""
    stderr = _error(1, listing, _sqlite(tmp_path))  # no database there yet
    assert "there is no database" in stderr


def test_where_a_child_was_found_and_the_police_reference_come_from_standard_input(
    tmp_path: Path,
) -> None:
    """Both are personal data (where found is often an address): on the command line the
    process list would show them to every account on the server."""
    db = _sqlite(tmp_path)
    _ok("init", db)
    _ok("users add --username ivy --role interviewer --team North", db)
    line = ASSIGN.format(who="ivy", returned="2026-01-11T00:00Z")
    found = CHILD + "Bus station, Leeds\nWY-2026-118822\n"
    done = rhi_central(*shlex.split(line), "--db", db, stdin=found)
    assert done.returncode == 0, done.stderr
    engine = open_engine(db)
    with engine.connect() as conn:
        (episode,) = conn.execute(
            select(schema.entities.c.payload).where(schema.entities.c.entity == "episode")
        ).scalars()
    engine.dispose()
    assert (episode["where_found"], episode["police_reference"]) == (
        "Bus station, Leeds",
        "WY-2026-118822",
    )
    refused = rhi_central(*shlex.split(line), "--where-found", "x", "--db", db, stdin=found)
    assert refused.returncode == 2  # no longer an option


def test_a_database_that_cannot_be_reached_is_told_in_the_drivers_words(
    postgres: PostgresCluster,
) -> None:
    """A wrong database name and no server at all were told alike, as one error kind:
    under systemd that line is all the journal gets."""
    url = f"postgresql+psycopg://postgres@127.0.0.1:{postgres.port}/rhi_no_such_db"
    assert 'database "rhi_no_such_db" does not exist' in _error(1, "init", url)
    nowhere = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/rhi"
    said = _error(1, "init", nowhere)
    assert "Connection refused" in said or "connection refused" in said.lower()
    assert said.count("\n") == 1 and "Traceback" not in said
