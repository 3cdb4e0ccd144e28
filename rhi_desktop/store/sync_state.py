"""What the sync engine remembers between runs, kept inside the encrypted database.

The enrolment (which service, which device and user), the pull cursor, the last
successful sync and the service's clock as last seen. The device token is kept here
only when this computer has no OS keystore: it then shares the database's encryption,
and never sits in a plain file.

Reads work on the store; writes only inside a transaction, so the cursor moves in the
same transaction as the pulled changes it covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from rhi_desktop.audit import utc_text
from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import TransactionError

_ENROLMENT_KEYS = (
    "server_url",
    "device_id",
    "user_id",
    "role",
    "team",
    "enrolled_at",
    "ca_pem",
    "spki_pin",
)
_TOKEN = "device_token"  # noqa: S105  (the key under which the token is kept)
_CURSOR = "cursor"
_LAST_SUCCESS = "last_success_at"
_SERVER_TIME = "server_time"
_CLOCK_OFFSET = "clock_offset_ms"


@dataclass(frozen=True, slots=True)
class Enrolment:
    """Which central service this device is enrolled with, and as whom."""

    server_url: str
    device_id: str
    user_id: str
    role: str
    team: str | None
    enrolled_at: datetime  # the service's clock
    ca_pem: str | None = None  # trusted instead of the OS store when policy names no bundle
    spki_pin: str | None = None


@dataclass(frozen=True, slots=True)
class LastContact:
    """The last successful sync, by the device's clock and by the service's."""

    at: datetime
    server_time: datetime
    clock_offset: timedelta  # service clock minus device clock at that moment


class SyncState:
    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self._db = db
        self._changes = changes

    # -- reads ---------------------------------------------------------------------------

    def _values(self, keys: tuple[str, ...]) -> dict[str, str]:
        marks = ", ".join("?" * len(keys))
        rows = self._db.fetchall(
            f"SELECT key, value FROM sync_state WHERE key IN ({marks})",  # noqa: S608
            keys,
        )
        return {str(k): str(v) for k, v in rows}

    def enrolment(self) -> Enrolment | None:
        found = self._values(_ENROLMENT_KEYS)
        if "device_id" not in found:
            return None
        return Enrolment(
            server_url=found["server_url"],
            device_id=found["device_id"],
            user_id=found["user_id"],
            role=found["role"],
            team=found.get("team"),
            enrolled_at=datetime.fromisoformat(found["enrolled_at"]),
            ca_pem=found.get("ca_pem"),
            spki_pin=found.get("spki_pin"),
        )

    def device_token(self) -> str | None:
        """The token kept in the database (no OS keystore on this computer), if any."""
        return self._values((_TOKEN,)).get(_TOKEN)

    def cursor(self) -> int:
        return int(self._values((_CURSOR,)).get(_CURSOR, 0))

    def last_contact(self) -> LastContact | None:
        found = self._values((_LAST_SUCCESS, _SERVER_TIME, _CLOCK_OFFSET))
        if _LAST_SUCCESS not in found:
            return None
        return LastContact(
            at=datetime.fromisoformat(found[_LAST_SUCCESS]),
            server_time=datetime.fromisoformat(found[_SERVER_TIME]),
            clock_offset=timedelta(milliseconds=int(found[_CLOCK_OFFSET])),
        )

    def server_now(self, device_now: datetime) -> datetime:
        """The service's clock estimated from the device's (the offset seen at the last sync)."""
        contact = self.last_contact()
        return device_now if contact is None else device_now + contact.clock_offset

    # -- writes --------------------------------------------------------------------------

    def _writer(self) -> None:
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "Sync state changes inside `with store.transaction(actor=...) as tx:`."
            )

    def _put(self, values: dict[str, str | None]) -> None:
        self._writer()
        self._db.executemany(
            "DELETE FROM sync_state WHERE key = ?", [(k,) for k, v in values.items() if v is None]
        )
        self._db.executemany(
            "INSERT INTO sync_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [(k, v) for k, v in values.items() if v is not None],
        )

    def set_enrolment(self, enrolment: Enrolment) -> None:
        """Record a new enrolment; the cursor and last contact of any earlier one are reset."""
        self.forget()
        self._put(
            {
                "server_url": enrolment.server_url,
                "device_id": enrolment.device_id,
                "user_id": enrolment.user_id,
                "role": enrolment.role,
                "team": enrolment.team,
                "enrolled_at": utc_text(enrolment.enrolled_at),
                "ca_pem": enrolment.ca_pem,
                "spki_pin": enrolment.spki_pin,
            }
        )

    def forget(self) -> None:
        """Drop the enrolment, token, cursor and last contact (the device enrols afresh)."""
        self._writer()
        self._db.execute("DELETE FROM sync_state")

    def set_device_token(self, token: str | None) -> None:
        self._put({_TOKEN: token})

    def set_cursor(self, cursor: int) -> None:
        if cursor < 0:
            raise ValueError("A pull cursor is never negative.")
        self._put({_CURSOR: str(cursor)})

    def record_contact(self, device_now: datetime, server_time: datetime) -> None:
        """Note a successful sync and how far the device's clock is from the service's."""
        offset = server_time - device_now
        self._put(
            {
                _LAST_SUCCESS: utc_text(device_now),
                _SERVER_TIME: utc_text(server_time),
                _CLOCK_OFFSET: str(round(offset.total_seconds() * 1000)),
            }
        )
