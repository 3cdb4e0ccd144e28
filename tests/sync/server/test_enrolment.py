"""An administrator's one-time code becomes a device token, once, within a day."""

from __future__ import annotations

import hashlib
import threading
from datetime import timedelta

from sqlalchemy import select

from sync import protocol
from sync.protocol import EnrolmentRequest, ErrorCode, Role
from sync.server import admin, enrolment, schema
from sync.server.errors import ApiError
from tests.sync.server.harness import Central


def _enrol(central: Central, code: str, name: str = "Laptop") -> tuple[int, dict[str, object]]:
    response = central.client.post(
        protocol.ENROL_PATH, json={"code": code, "device_name": name, "app_version": "0.1.0"}
    )
    return response.status_code, response.json()


def test_interviewer_enrols_a_laptop_and_learns_who_they_are(central: Central) -> None:
    user_id = central.add_user("sam.interviewer", Role.INTERVIEWER, "North team")
    code = admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)

    status, body = _enrol(central, code)

    assert status == 201
    answer = protocol.EnrolmentResponse.model_validate(body)
    assert str(answer.user_id) == user_id
    assert answer.role is Role.INTERVIEWER
    assert answer.team == "North team"
    assert answer.server_time == central.clock.now
    assert answer.device_token.startswith(f"{answer.device_id}.")


def test_code_typed_in_lower_case_without_dashes_still_works(central: Central) -> None:
    central.add_user("sam.interviewer", Role.INTERVIEWER)
    code = admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)
    status, _ = _enrol(central, code.replace("-", "").lower())
    assert status == 201


def test_enrolment_code_works_once_and_a_second_laptop_is_refused(central: Central) -> None:
    central.add_user("sam.interviewer", Role.INTERVIEWER)
    code = admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)
    assert _enrol(central, code)[0] == 201

    status, body = _enrol(central, code, "Second laptop")

    assert status == 401
    assert body["code"] == ErrorCode.ENROLMENT_CODE_USED
    assert body["wipe"] is False


def test_code_older_than_a_day_is_refused_as_expired(central: Central) -> None:
    central.add_user("sam.interviewer", Role.INTERVIEWER)
    code = admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)
    central.clock.advance(timedelta(hours=24))

    status, body = _enrol(central, code)

    assert (status, body["code"]) == (401, ErrorCode.ENROLMENT_CODE_EXPIRED)


def test_code_just_inside_its_day_is_accepted(central: Central) -> None:
    central.add_user("sam.interviewer", Role.INTERVIEWER)
    code = admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)
    central.clock.advance(timedelta(hours=24) - timedelta(seconds=1))
    assert _enrol(central, code)[0] == 201


def test_made_up_code_is_refused(central: Central) -> None:
    central.add_user("sam.interviewer", Role.INTERVIEWER)
    admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)
    status, body = _enrol(central, "ABCD-EFGH-JKMN")
    assert (status, body["code"]) == (401, ErrorCode.ENROLMENT_CODE_INVALID)


def test_issuing_a_new_code_cancels_the_unused_earlier_one(central: Central) -> None:
    central.add_user("sam.interviewer", Role.INTERVIEWER)
    first = admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)
    second = admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)

    assert _enrol(central, first)[1]["code"] == ErrorCode.ENROLMENT_CODE_INVALID
    assert _enrol(central, second)[0] == 201


def test_server_keeps_only_hashes_of_codes_and_tokens(central: Central) -> None:
    central.add_user("sam.interviewer", Role.INTERVIEWER)
    code = admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)
    _, body = _enrol(central, code)
    token = str(body["device_token"])
    secret = token.split(".", 1)[1]

    with central.engine.connect() as conn:
        stored_codes = conn.execute(select(schema.enrolment_codes)).all()
        stored_devices = conn.execute(select(schema.devices)).all()

    everything = repr(stored_codes) + repr(stored_devices)
    assert code not in everything and code.replace("-", "") not in everything
    assert secret not in everything
    assert stored_devices[0].token_hash == hashlib.sha256(secret.encode()).hexdigest()


def test_two_laptops_racing_with_one_code_enrol_exactly_one(central: Central) -> None:
    central.add_user("sam.interviewer", Role.INTERVIEWER)
    code = admin.issue_enrolment_code(central.engine, "sam.interviewer", central.clock)
    request = EnrolmentRequest(code=code, device_name="Laptop", app_version="0.1.0")
    start = threading.Barrier(4)
    outcomes: list[str] = []
    lock = threading.Lock()

    def race() -> None:
        start.wait()
        try:
            enrolment.enrol(central.engine, request, central.clock)
            outcome = "enrolled"
        except ApiError as error:
            outcome = error.code.value
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=race) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["enrolled"] + [ErrorCode.ENROLMENT_CODE_USED.value] * 3
    assert len(admin.list_devices(central.engine)) == 1
