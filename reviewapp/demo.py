"""The demo: an English news article and its Arabic machine translation."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from reviewapp import services
from reviewapp.alignment import align_document
from reviewapp.models import Membership, Project

DEMO_DIR = Path(__file__).resolve().parent / "demo_data"
DEMO_PROJECT = "Demo"
DEMO_TITLE = "Quiet diplomacy in Paris as Syria and Israel talk ceasefire and security"


@dataclass(frozen=True)
class DemoLogins:
    password: str
    generated: bool


def load_demo(*, password: str | None) -> DemoLogins:
    """Create the demo project, document and accounts; running it again adds nothing."""
    logins = DemoLogins(password or secrets.token_urlsafe(9), generated=not password)
    users = get_user_model()
    with transaction.atomic():
        admin, _ = users.objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True}
        )
        editor, _ = users.objects.get_or_create(username="editor")
        for user in (admin, editor):
            user.set_password(logins.password)
            user.save()
        project, _ = Project.objects.get_or_create(name=DEMO_PROJECT)
        Membership.objects.get_or_create(project=project, user=editor)
        if not project.documents.filter(title=DEMO_TITLE).exists():
            services.document_create(
                project=project,
                title=DEMO_TITLE,
                source_lang="en",
                target_lang="ar",
                pairs=align_document(
                    (DEMO_DIR / "paris-talks.en.txt").read_text(encoding="utf-8"),
                    (DEMO_DIR / "paris-talks.ar.txt").read_text(encoding="utf-8"),
                    "en",
                    "ar",
                ),
                user=admin,
            )
    return logins
