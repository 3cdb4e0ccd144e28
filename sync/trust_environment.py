"""Where OpenSSL looks for the CAs to trust, taken out of this process's environment.

With no CA bundle named by IT, the device trusts the OS trust store, read on Linux
through OpenSSL, which takes SSL_CERT_FILE and SSL_CERT_DIR from the environment at
every connection: set by a login script, they would let a stranger's CA stand in for
the central service. IT names the service's CA in policy instead. The app forgets them
as it starts, before any thread runs; making a TLS context forgets them again, for
code that did not start there.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

TRUST_FROM_ENVIRONMENT = ("SSL_CERT_FILE", "SSL_CERT_DIR")


def forget_trust_from_environment() -> None:
    for name in TRUST_FROM_ENVIRONMENT:
        if os.environ.pop(name, None) is not None:
            log.warning("%s is set in the environment; it is ignored", name)
