"""The sets half of the main window: set list, boards, set findings, undo commands, preview."""

from aedesk.ui.sets.board_model import SetModel
from aedesk.ui.sets.list_model import SetListModel
from aedesk.ui.sets.panel import SetsPanel
from aedesk.ui.sets.preview import SetPreviewDialog

__all__ = ["SetListModel", "SetModel", "SetPreviewDialog", "SetsPanel"]
