"""A certificate authority made for one test, and a server certificate it signs for
`localhost` and 127.0.0.1 (the sync client tests' CA helpers, written out as files)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.sync.client.certificates import issue_server_files, make_authority


@dataclass(frozen=True)
class TlsFiles:
    ca_cert: Path
    server_cert: Path
    server_key: Path


def make_tls_files(directory: Path) -> TlsFiles:
    authority = make_authority("RHI test CA")
    server = issue_server_files(authority, directory, "localhost", ip_addresses=("127.0.0.1",))
    ca_cert = directory / "ca.pem"
    ca_cert.write_text(authority.pem, encoding="ascii")
    return TlsFiles(ca_cert=ca_cert, server_cert=server.cert, server_key=server.key)
