"""Form definitions the central service publishes, installed on this device after a pull.

A pulled definition is kept as a document (`remote_records`); installing it puts it
where the app looks for forms (`FormRegistry`), so new interviews start on it and a draft
can be moved to it. One that does not load here, or that differs from a definition
already known by its id and version, is left uninstalled, logged by its reference only,
and tried again after every pull, so that a corrected publication takes its place.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from rhi_desktop.forms import FormDefinitionError
from rhi_desktop.forms.versions import FormRegistry, FormVersionConflictError
from rhi_desktop.store import Store
from sync.protocol import EntityKind

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FormsTally:
    installed: tuple[str, ...] = ()
    """Definitions installed by this sync, as "form_id vN"."""
    refused: tuple[str, ...] = ()
    """Ids of published definitions that could not be installed."""


def install_published(store: Store, registry: FormRegistry) -> FormsTally:
    installed: list[str] = []
    refused: list[str] = []
    known = set(registry.refs())
    for record in store.remote.documents(EntityKind.FORM_DEFINITION.value):
        try:
            ref = registry.install(record.payload)
        except (FormDefinitionError, FormVersionConflictError, OSError) as exc:
            # A definition's problems by path; a file error by kind (its text holds paths,
            # and a path may hold a user's name), with where to look.
            why = (
                f"the profile's forms folder could not be written to ({type(exc).__name__})"
                if isinstance(exc, OSError)
                else str(exc)
            )
            log.warning("published form %s not installed: %s", record.entity_id, why)
            refused.append(record.entity_id)
            continue
        if ref not in known:
            known.add(ref)
            installed.append(f"{ref.form_id} v{ref.version}")
    return FormsTally(tuple(installed), tuple(refused))
