"""RHI Desktop core: domain, encrypted store, key vault, audit chain, policy and reports.

This package never imports Qt or HTTP libraries; the `sync` and `ui` layers build on it.
"""

__version__ = "0.1.0"
