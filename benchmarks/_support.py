"""What the benchmarks share: the repository on the import path, the demo article's
paragraphs, and a fresh SQLite database for the app in a temporary folder."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The benchmarks run as scripts from any folder, so the app is not importable by default.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEMO_DIR = ROOT / "reviewapp" / "demo_data"


def demo_paragraphs(language: str) -> list[str]:
    """The demo article's paragraphs in `language` (paragraph N of each language match)."""
    text = (DEMO_DIR / f"paris-talks.{language}.txt").read_text(encoding="utf-8")
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


def migrated_app_database(prefix: str, **environment: str) -> Path:
    """Point the app at a new SQLite database `app.sqlite3` in a new temporary folder (with
    the extra settings in `environment`), set Django up and migrate; returns the folder.

    Call it before importing anything that reads settings or models: the database is
    chosen when Django reads its settings.
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'app.sqlite3'}"
    os.environ.update(environment)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reviewapp.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return folder
