"""The key vault: the data key, wrapped under the passphrase, the OS keystore share and
(where policy asks) the organisation recovery key; plus the failed-unlock back-off and
the strength rule every new passphrase must meet."""

from rhi_desktop.vault.backoff import FREE_ATTEMPTS, BackoffStatus, Clock, delay_after
from rhi_desktop.vault.errors import (
    KeystoreShareMissing,
    KeystoreUnavailable,
    ProfileWiped,
    RecoveryKeyRejected,
    RecoveryUnavailable,
    UnacceptablePassphrase,
    UnlockDelayed,
    VaultCorrupt,
    VaultError,
    VaultExists,
    VaultFromAnotherProfile,
    VaultFromNewerApp,
    VaultMissing,
    WeakPassphraseError,
    WrongPassphrase,
)
from rhi_desktop.vault.keystore import (
    SERVICE,
    Keystore,
    KeystoreSearch,
    detect_keystore,
    device_token_entry,
    usable_keystore,
)
from rhi_desktop.vault.protection import Protection
from rhi_desktop.vault.recovery_key import MIN_RSA_BITS, fingerprint, load_recovery_public_key
from rhi_desktop.vault.strength import require_strong
from rhi_desktop.vault.vault import UnlockResult, Vault, recover

__all__ = [
    "FREE_ATTEMPTS",
    "MIN_RSA_BITS",
    "SERVICE",
    "BackoffStatus",
    "Clock",
    "Keystore",
    "KeystoreSearch",
    "KeystoreShareMissing",
    "KeystoreUnavailable",
    "ProfileWiped",
    "Protection",
    "RecoveryKeyRejected",
    "RecoveryUnavailable",
    "UnacceptablePassphrase",
    "UnlockDelayed",
    "UnlockResult",
    "Vault",
    "VaultCorrupt",
    "VaultError",
    "VaultExists",
    "VaultFromAnotherProfile",
    "VaultFromNewerApp",
    "VaultMissing",
    "WeakPassphraseError",
    "WrongPassphrase",
    "delay_after",
    "detect_keystore",
    "device_token_entry",
    "fingerprint",
    "load_recovery_public_key",
    "recover",
    "require_strong",
    "usable_keystore",
]
