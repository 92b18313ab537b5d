"""Writes that touch several rows, each in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from reviewapp.anchoring import reanchor
from reviewapp.models import Document, Flag, Project, Revision, Segment, Side, Translation


class ReviewError(ValueError):
    """A request that cannot be carried out; the message is shown to the user."""


class EditConflict(ReviewError):
    """Someone saved the segment after the editor started from `base_version`."""

    def __init__(self, *, segment: Segment, attempted_text: str, base_version: int) -> None:
        super().__init__("Someone else saved this segment while you were editing it.")
        self.segment = segment
        self.attempted_text = attempted_text
        self.base_version = base_version


@dataclass(frozen=True)
class SegmentPair:
    paragraph: int
    source: str
    target: str


def _locked(segment: Segment) -> Segment:
    return Segment.objects.select_for_update().get(pk=segment.pk)


def _text_at_version(segment: Segment, version: int) -> str:
    if version == 0:
        return segment.mt_text
    if version == segment.version:
        return segment.text
    revision = segment.revisions.filter(number=version).first()
    if revision is None:
        raise ReviewError(f"Version {version} of this segment does not exist.")
    return revision.text


def _reanchor_target_flags(segment: Segment) -> None:
    flags = list(segment.flags.filter(side=Side.TARGET))
    for flag in flags:
        anchor = reanchor(flag.quote, flag.start, segment.text)
        flag.start, flag.end, flag.stale = anchor.start, anchor.end, anchor.stale
    Flag.objects.bulk_update(flags, ["start", "end", "stale"])


def _add_revision(
    segment: Segment, *, user: AbstractBaseUser, text: str, restored_from: int | None = None
) -> Revision:
    segment.version += 1
    segment.text = text
    segment.updated_at = timezone.now()
    segment.save(update_fields=["version", "text", "updated_at"])
    revision = Revision.objects.create(
        segment=segment,
        number=segment.version,
        text=text,
        author=user,
        created_at=segment.updated_at,
        restored_from=restored_from,
    )
    _reanchor_target_flags(segment)
    return revision


def segment_save_text(
    *, segment: Segment, user: AbstractBaseUser, text: str, base_version: int
) -> Revision | None:
    """Save a correction made on top of `base_version`.

    Returns None when the text is unchanged. Raises EditConflict when another
    save landed since `base_version`, so neither editor's work is overwritten.
    """
    text = text.strip()
    if not text:
        raise ReviewError("The translation cannot be empty.")
    with transaction.atomic():
        current = _locked(segment)
        if base_version != current.version:
            if text == current.text:
                return None
            raise EditConflict(segment=current, attempted_text=text, base_version=base_version)
        if text == current.text:
            return None
        revision = _add_revision(current, user=user, text=text)
    segment.refresh_from_db()
    return revision


def segment_restore_revision(*, segment: Segment, user: AbstractBaseUser, number: int) -> Revision:
    """Bring back an earlier version (0 is the machine translation) as a new revision."""
    with transaction.atomic():
        current = _locked(segment)
        text = _text_at_version(current, number)
        revision = _add_revision(current, user=user, text=text, restored_from=number)
    segment.refresh_from_db()
    return revision


def segment_set_approved(*, segment: Segment, user: AbstractBaseUser, approved: bool) -> None:
    with transaction.atomic():
        current = _locked(segment)
        current.approved_at = timezone.now() if approved else None
        current.approved_by = user if approved else None
        current.save(update_fields=["approved_at", "approved_by"])
    segment.refresh_from_db()


def flag_create(
    *,
    segment: Segment,
    user: AbstractBaseUser,
    side: str,
    start: int,
    end: int,
    version: int,
    category: str,
    severity: str,
    comment: str = "",
    suggestion: str = "",
) -> Flag:
    """Flag a span of the text the editor saw (`version` of the translation).

    The offsets are kept as made, and the live anchor is moved onto the
    current text, which may have changed since the editor loaded the page.
    """
    with transaction.atomic():
        current = _locked(segment)
        if side == Side.SOURCE:
            seen_text, current_text, version = current.source_text, current.source_text, 0
        else:
            seen_text, current_text = _text_at_version(current, version), current.text
        if not 0 <= start < end <= len(seen_text):
            raise ReviewError("Select the words to flag inside the text first.")
        quote = seen_text[start:end]
        if not quote.strip():
            raise ReviewError("The selection holds only spaces; select the words to flag.")
        anchor = reanchor(quote, start, current_text)
        return Flag.objects.create(
            segment=current,
            side=side,
            made_on_version=version,
            made_start=start,
            made_end=end,
            start=anchor.start,
            end=anchor.end,
            stale=anchor.stale,
            quote=quote,
            category=category,
            severity=severity,
            comment=comment.strip(),
            suggestion=suggestion.strip(),
            author=user,
        )


def flag_set_resolved(*, flag: Flag, user: AbstractBaseUser, resolved: bool) -> None:
    flag.resolved_at = timezone.now() if resolved else None
    flag.resolved_by = user if resolved else None
    flag.save(update_fields=["resolved_at", "resolved_by"])


def document_create(
    *,
    project: Project,
    title: str,
    source_lang: str,
    target_lang: str,
    pairs: Iterable[SegmentPair],
    user: AbstractBaseUser | None,
    system: str = "Machine translation",
    batch_size: int = 2000,
) -> Document:
    """Create a document and its segment pairs; all of it or nothing."""
    with transaction.atomic():
        document = Document.objects.create(
            project=project,
            title=title,
            source_lang=source_lang,
            target_lang=target_lang,
            created_by=user,
        )
        translation = Translation.objects.create(document=document, system=system)
        Segment.objects.bulk_create(
            (
                Segment(
                    translation=translation,
                    position=position,
                    paragraph=pair.paragraph,
                    source_text=pair.source,
                    mt_text=pair.target,
                    text=pair.target,
                )
                for position, pair in enumerate(pairs)
            ),
            batch_size=batch_size,
        )
        if not translation.segments.exists():
            raise ReviewError("The document has no text.")
    return document
