"""I/O services without Qt: where files live, the catalog, scanning, watching, thumbnails."""
