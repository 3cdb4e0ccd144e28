"""The packaging tools (packaging/rhi_packaging) are importable in these tests.

They live outside the app's packages on purpose: they run at build time only. The name
`rhi_packaging` avoids the unrelated `packaging` library that pip installs.
"""

from __future__ import annotations

import sys

from tests.packaging.processes import PACKAGING

if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))
