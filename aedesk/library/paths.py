"""Where aedesk keeps its own files (never inside the user's photo folders)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "aedesk"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def rules_override() -> Path:
    """The user's rule override file: `[profile.rule-id]` tables of severities and thresholds."""
    return config_dir() / "rules.toml"


def text_lists_override() -> Path:
    """The user's extra promo words and contact patterns, in the shipped file's layout."""
    return config_dir() / "text_lists.toml"
