"""The browsing half of the main window: the image grid with its badges, and the sources panel."""
