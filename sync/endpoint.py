"""Which central service to talk to and whom to trust: machine policy first.

The device token belongs to the service that issued it, so a device syncs only with the
service it enrolled with; if machine policy names another, it must enrol again. The CA
bundle and SPKI pin come from policy when IT set them (so a rotated CA reaches every
device), otherwise from what was given at enrolment, otherwise the OS trust store.
"""

from __future__ import annotations

from rhi_desktop.config import Settings
from rhi_desktop.config.parsers import read_pem
from rhi_desktop.store import Enrolment
from sync.errors import SyncError
from sync.transport import Timeouts, TlsSettings, Transport


class EndpointMismatch(SyncError):
    def __init__(self, policy_url: str, enrolled_url: str) -> None:
        self.policy_url = policy_url
        self.enrolled_url = enrolled_url
        super().__init__(
            f"Machine policy names the central service {policy_url}, but this device is "
            f"enrolled with {enrolled_url}. Enrol it again with a one-time code from IT."
        )


class CaBundleUnreadable(SyncError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"The CA bundle {path} named by machine policy cannot be read: {reason}")


def policy_names_another(settings: Settings, server_url: str) -> bool:
    """Whether machine policy names a central service other than `server_url`."""
    named = settings.server_url
    return named is not None and named.rstrip("/") != server_url.rstrip("/")


def check_server(settings: Settings, server_url: str) -> str:
    """The URL to use, without a trailing slash; refused if policy names another."""
    url = server_url.rstrip("/")
    if settings.server_url is not None and policy_names_another(settings, url):
        raise EndpointMismatch(settings.server_url, url)
    return url


def tls_settings(settings: Settings, ca_pem: str | None, spki_pin: str | None) -> TlsSettings:
    bundle = settings.ca_bundle
    if bundle is not None:
        try:
            ca_pem = read_pem(bundle)
        except (OSError, UnicodeDecodeError) as exc:
            raise CaBundleUnreadable(str(bundle), type(exc).__name__) from None
    return TlsSettings(ca_pem=ca_pem, spki_pin=settings.spki_pin or spki_pin)


def transport_for(
    settings: Settings, enrolment: Enrolment, timeouts: Timeouts | None = None
) -> Transport:
    url = check_server(settings, enrolment.server_url)
    return Transport(url, tls_settings(settings, enrolment.ca_pem, enrolment.spki_pin), timeouts)
