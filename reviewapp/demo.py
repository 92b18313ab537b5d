"""The demo: an English news article and its Arabic machine translation."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from reviewapp import services
from reviewapp.models import Membership, Project
from reviewapp.segmentation import split_paragraphs, split_sentences

DEMO_DIR = Path(__file__).resolve().parent / "demo_data"
DEMO_PROJECT = "Demo"
DEMO_TITLE = "Quiet diplomacy in Paris as Syria and Israel talk ceasefire and security"


@dataclass(frozen=True)
class DemoLogins:
    password: str
    generated: bool


def paragraph_pairs(
    source_text: str, target_text: str, source_lang: str, target_lang: str
) -> list[services.SegmentPair]:
    """Pair paragraph N with paragraph N, and their sentences where both split alike."""
    source_paragraphs = split_paragraphs(source_text)
    target_paragraphs = split_paragraphs(target_text)
    if len(source_paragraphs) != len(target_paragraphs):
        raise services.ReviewError(
            f"The source has {len(source_paragraphs)} paragraphs and the translation "
            f"{len(target_paragraphs)}; they must match paragraph for paragraph."
        )
    pairs = []
    for number, (source, target) in enumerate(
        zip(source_paragraphs, target_paragraphs, strict=True)
    ):
        source_sentences = split_sentences(source, source_lang)
        target_sentences = split_sentences(target, target_lang)
        if len(source_sentences) == len(target_sentences):
            pairs.extend(
                services.SegmentPair(number, s, t)
                for s, t in zip(source_sentences, target_sentences, strict=True)
            )
        else:
            pairs.append(services.SegmentPair(number, source, target))
    return pairs


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
                pairs=paragraph_pairs(
                    (DEMO_DIR / "paris-talks.en.txt").read_text(encoding="utf-8"),
                    (DEMO_DIR / "paris-talks.ar.txt").read_text(encoding="utf-8"),
                    "en",
                    "ar",
                ),
                user=admin,
            )
    return logins
