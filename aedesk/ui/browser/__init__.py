"""The browsing half of the main window: the image grid with its badges, and the sources panel."""

from aedesk.ui.browser.filter import ImageFilterModel
from aedesk.ui.browser.model import ImageListModel
from aedesk.ui.browser.panel import GridPanel
from aedesk.ui.browser.sources import SourcesPanel
from aedesk.ui.browser.view import GridView

__all__ = ["GridPanel", "GridView", "ImageFilterModel", "ImageListModel", "SourcesPanel"]
