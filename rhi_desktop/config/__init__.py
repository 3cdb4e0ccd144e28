"""Machine policy, user settings and their defaults, behind one typed accessor.

settings = Settings.load(ProfilePaths(root))   # raises PolicyError / SettingsError
settings.idle_lock_minutes                     # policy > user > default
settings.source("idle_lock_minutes")           # "policy: /etc/rhi-desktop/policy.toml"
"""

from rhi_desktop.config.errors import ConfigError, PolicyError, Problem, SettingsError
from rhi_desktop.config.keys import CATALOGUE, USER_SETTABLE, Key
from rhi_desktop.config.locations import POLICY_ENV_VAR, platform_policy_path, policy_path
from rhi_desktop.config.policy import MachinePolicy, load_policy
from rhi_desktop.config.settings import EffectiveValue, Settings, Source, SourceKind

__all__ = [
    "CATALOGUE",
    "POLICY_ENV_VAR",
    "USER_SETTABLE",
    "ConfigError",
    "EffectiveValue",
    "Key",
    "MachinePolicy",
    "PolicyError",
    "Problem",
    "Settings",
    "SettingsError",
    "Source",
    "SourceKind",
    "load_policy",
    "platform_policy_path",
    "policy_path",
]
