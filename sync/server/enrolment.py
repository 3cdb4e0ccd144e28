"""Exchanging a one-time enrolment code for a device id and device token."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine, insert, select, update

from sync.protocol import EnrolmentRequest, EnrolmentResponse, ErrorCode, Role
from sync.server import schema
from sync.server.auth import enrolment_code_hash, new_device_token
from sync.server.db import Clock, writing
from sync.server.errors import ApiError


def enrol(engine: Engine, request: EnrolmentRequest, clock: Clock) -> EnrolmentResponse:
    """Spend the code and register the device, in one transaction.

    The code is marked used by a conditional update, so of two devices racing with the
    same code exactly one is enrolled. The user's row is locked first, as `user_leaves`
    locks it, so an enrolment and a departure happen one after the other: a device
    enrolled first is revoked by the departure, and an enrolment after it is refused.
    """
    codes, users, teams = schema.enrolment_codes, schema.users, schema.teams
    code_hash = enrolment_code_hash(request.code)
    now = clock()
    with writing(engine) as conn:
        code = conn.execute(select(codes).where(codes.c.code_hash == code_hash)).one_or_none()
        if code is None:
            raise ApiError(401, ErrorCode.ENROLMENT_CODE_INVALID)
        if code.used_at is not None:
            raise ApiError(401, ErrorCode.ENROLMENT_CODE_USED)
        if code.expires_at <= now:
            raise ApiError(401, ErrorCode.ENROLMENT_CODE_EXPIRED)
        user = conn.execute(  # held until the end, so a leaver cannot enrol meanwhile
            select(users.c.id, users.c.role, users.c.left_at, teams.c.name)
            .select_from(users.outerjoin(teams, teams.c.id == users.c.team_id))
            .where(users.c.id == code.user_id)
            .with_for_update(of=users)
        ).one()
        if user.left_at is not None:  # their unused codes were cancelled on leaving
            raise ApiError(401, ErrorCode.ENROLMENT_CODE_INVALID)
        spent = conn.execute(
            update(codes)
            .where(codes.c.code_hash == code_hash, codes.c.used_at.is_(None))
            .values(used_at=now)
        )
        if spent.rowcount != 1:
            raise ApiError(401, ErrorCode.ENROLMENT_CODE_USED)
        device_id = str(uuid.uuid4())
        token, token_hash = new_device_token(device_id)
        conn.execute(
            insert(schema.devices).values(
                id=device_id,
                user_id=code.user_id,
                name=request.device_name,
                app_version=request.app_version,
                token_hash=token_hash,
                enrolled_at=now,
                last_seen_at=now,
            )
        )
    return EnrolmentResponse(
        device_id=uuid.UUID(device_id),
        device_token=token,
        user_id=uuid.UUID(user.id),
        role=Role(user.role),
        team=user.name,
        server_time=now,
    )
