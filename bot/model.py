"""Trains the Rasa model only when its inputs changed: the cache key is a hash of config, domain, data, NLU code."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
MODELS_DIR = PROJECT_ROOT / "models"
MODEL_INPUTS = ("config.yml", "domain.yml", "languages", "data", "bot/nlu", "bot/languages.py")
BUILT_DOMAIN = PROJECT_ROOT / "var" / "domain.built.yml"  # domain.yml + languages/*.yml (bot/languages.py)


def rasa_environment() -> dict[str, str]:
    """The environment every Rasa process gets: telemetry off, quiet TensorFlow, few threads."""
    return {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }


def inputs_hash(root: Path = PROJECT_ROOT) -> str:
    """Hash of every file the model is trained from, in a stable order."""
    digest = hashlib.sha256()
    for name in MODEL_INPUTS:
        path = root / name
        files = (
            sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
            if path.is_dir()
            else [path]
            if path.exists()
            else []
        )
        for file in files:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def model_path(root: Path = PROJECT_ROOT) -> Path:
    """Where the model for the current inputs lives (it may not exist yet)."""
    return MODELS_DIR / f"lotse-{inputs_hash(root)}.tar.gz"


def built_domain(root: Path = PROJECT_ROOT) -> Path:
    """domain.yml with every language's variants, written for training (bot/languages.py)."""
    from bot.languages import write_built_domain
    from lotse.languages import language_packs

    return write_built_domain(root / "domain.yml", BUILT_DOMAIN, language_packs(root / "languages"))


def ensure_model(root: Path = PROJECT_ROOT) -> Path:
    """The trained model for the current inputs, training it first if needed."""
    target = model_path(root)
    if target.exists():
        return target
    print(f"Training the Rasa model ({target.name}); this takes a few minutes …", flush=True)
    command = [
        sys.executable, "-m", "rasa", "train", "--fixed-model-name", target.name.removesuffix(".tar.gz"),
        "--out", str(MODELS_DIR), "--config", "config.yml", "--domain", str(built_domain(root)), "--data", "data",
    ]  # fmt: skip
    subprocess.run(command, cwd=root, env=rasa_environment(), check=True)
    for outdated in MODELS_DIR.glob("lotse-*.tar.gz"):
        if outdated != target:
            outdated.unlink()  # models are ~130 MB; only the current one is ever used
    return target
