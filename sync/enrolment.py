"""Enrolling this device: a one-time code from IT becomes a device id and token.

The code is spent by the service as soon as it answers, so the request is never retried
automatically: a lost answer needs a new code, which is safer than guessing. The token
is kept in the OS keystore or the encrypted database (see `credentials.py`), together
with the enrolment, in one transaction; the enrolment is audited (ids and role only).
"""

from __future__ import annotations

import logging
import re

from pydantic import ValidationError

from rhi_desktop import __version__
from rhi_desktop.audit import AuditAction
from rhi_desktop.store import Enrolment, Store
from sync.client import CentralClient
from sync.credentials import DeviceCredentials
from sync.errors import EnrolmentRefused, Refusal
from sync.protocol import EnrolmentRequest

log = logging.getLogger(__name__)

DEFAULT_DEVICE_NAME = "RHI Desktop device"
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


def device_label(name: str | None) -> str:
    """A name IT will recognise in the device list, within the protocol's limits."""
    cleaned = _UNPRINTABLE.sub("", name or "").strip()[:100]
    return cleaned or DEFAULT_DEVICE_NAME


def enrol(
    store: Store,
    actor: str,
    credentials: DeviceCredentials,
    client: CentralClient,
    *,
    code: str,
    device_name: str | None = None,
    ca_pem: str | None = None,
    spki_pin: str | None = None,
) -> Enrolment:
    """Exchange `code` for this device's identity and keep it; returns the enrolment.

    A profile enrolled before may enrol again (e.g. after its token was lost), but only
    for the same user: the work it holds is that user's.
    """
    try:
        request = EnrolmentRequest(
            code=code.strip(), device_name=device_label(device_name), app_version=__version__
        )
    except ValidationError:
        raise EnrolmentRefused(Refusal.CODE_MALFORMED) from None
    previous = store.sync_state.enrolment()
    response = client.enrol(request)
    user_id = str(response.user_id)
    if previous is not None and previous.user_id != user_id:
        raise EnrolmentRefused(Refusal.ANOTHER_USERS_PROFILE)
    enrolment = Enrolment(
        server_url=client.transport.base_url,
        device_id=str(response.device_id),
        user_id=user_id,
        role=response.role.value,
        team=response.team,
        enrolled_at=response.server_time,
        ca_pem=ca_pem,
        spki_pin=spki_pin,
    )
    with store.transaction(actor) as tx:
        tx.sync_state.set_enrolment(enrolment)
        credentials.save(tx, response.device_token)
        # Work recorded before the first enrolment was recorded as `actor`, this device's
        # stand-in for a person the service did not yet know: it is the user's.
        claimed = 0 if previous is not None else tx.interviews.claim_unsent(actor, user_id)
        tx.audit.append(
            AuditAction.SYNC,
            "device",
            enrolment.device_id,
            {"event": "enrolled", "role": enrolment.role, "interviews_claimed": claimed},
        )
    log.info("device enrolled (%s)", enrolment.role)
    return enrolment
