"""The Qt layer: models, delegates and overlays, views, dialogs, i18n. Thin, over the library."""
