"""Upload-ready export bundles: a pure plan, image operations, a size-capped encoder,
the manifest and report, and an atomic writer. The executor lives in `aedesk.library.exporter`.
"""
