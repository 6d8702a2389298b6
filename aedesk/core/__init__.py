"""The product's knowledge, free of Qt and of I/O services: rules, analysis, sets, export."""
