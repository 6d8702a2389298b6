"""The colours that say how serious something is, the same in every view (badges, marks,
boards, the inspector, the export dialog)."""

from __future__ import annotations

from aedesk.core.findings import Severity

ERROR, WARNING, INFO, OK, PENDING = "#d7352b", "#d99100", "#607d8b", "#2f9e4f", "#8a8f98"

#: by a finding's severity, or None for "no finding": ok
SEVERITY: dict[Severity | None, str] = {Severity.ERROR: ERROR, Severity.WARNING: WARNING, Severity.INFO: INFO,
                                        None: OK}
