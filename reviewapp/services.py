"""Writes that touch several rows, each in one transaction."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import count

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from reviewapp import checking
from reviewapp.alignment import align_sentences
from reviewapp.anchoring import reanchor
from reviewapp.bulk import insert_rows, write_connection
from reviewapp.importers import PairColumns
from reviewapp.models import (
    AlignmentChange,
    CheckDismissal,
    CheckFinding,
    Document,
    Flag,
    GlossaryEntry,
    PhrasingRule,
    Project,
    Revision,
    Segment,
    Side,
    Translation,
)
from reviewapp.reports import refresh_score_stats
from reviewapp.segmentation import join_sentences, joins_without_space, segment_document


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
    refresh_score_stats(segment)
    segment.save(update_fields=["version", "text", "updated_at", "score_stats"])
    revision = Revision.objects.create(
        segment=segment,
        number=segment.version,
        text=text,
        author=user,
        created_at=segment.updated_at,
        restored_from=restored_from,
    )
    _reanchor_target_flags(segment)
    segment_run_checks(segment=segment)
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
        # A correction many times longer than both its source and the machine
        # translation is a paste gone wrong; kept, it would distort scores and exports.
        longest = 5 * max(len(current.source_text), len(current.mt_text)) + 500
        if len(text) > longest:
            raise ReviewError(
                f"The correction has {len(text):,} characters, far more than its source "
                f"({len(current.source_text):,}); at most {longest:,} are accepted. "
                "Check what was pasted."
            )
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
    pairs: Iterable[SegmentPair] | PairColumns,
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
        translation_create(document=document, system=system, pairs=pairs, batch_size=batch_size)
        # Checks on a long document take longer than the import itself, so the worker runs
        # them; the task is queued in this transaction and so exists only if the import does.
        _enqueue_document_checks([document.pk])
    return document


# The columns a segment's import fills from its pair; every other column is the same for
# all of a translation's new segments.
SEGMENT_PAIR_COLUMNS = ("position", "paragraph", "source_text", "mt_text", "text")


def _segment_fixed_columns(translation: Translation) -> dict[str, object]:
    """The fields of a segment of `translation` outside SEGMENT_PAIR_COLUMNS, and their
    values as a new Segment would have them (defaults included), ready for the database."""
    meta = Segment._meta
    new_segment = Segment(translation=translation)
    connection = write_connection(Segment)
    return {
        field.name: field.get_db_prep_save(field.pre_save(new_segment, add=True), connection)
        for field in meta.concrete_fields
        if field.name not in SEGMENT_PAIR_COLUMNS and field is not meta.pk
    }


def translation_create(
    *,
    document: Document,
    system: str,
    pairs: Iterable[SegmentPair] | PairColumns,
    batch_size: int = 2000,
) -> Translation:
    """Add one machine translation system's segment pairs to a document; all or nothing."""
    with transaction.atomic():
        if document.translations.filter(system=system).exists():
            raise ReviewError(f"This document already has a translation from “{system}”.")
        translation = Translation.objects.create(document=document, system=system)
        # Pair columns are ints and str, which need no conversion for the database.
        if isinstance(pairs, PairColumns):
            rows: Iterable[tuple[int, int, str, str, str]] = zip(
                count(), pairs.paragraphs, pairs.sources, pairs.targets, pairs.targets
            )
        else:
            rows = (
                (position, pair.paragraph, pair.source, pair.target, pair.target)
                for position, pair in enumerate(pairs)
            )
        created = insert_rows(
            Segment,
            SEGMENT_PAIR_COLUMNS,
            rows,
            shared=_segment_fixed_columns(translation),
            batch_size=batch_size,
        )
        if not created:
            raise ReviewError("The document has no text.")
    return translation


# --- alignment repairs ------------------------------------------------------------------

# Positions are shifted through this far range so that no row ever takes a position another
# row still holds: the unique constraint is checked row by row, and positions are unsigned.
POSITION_SHIFT = 1_000_000_000


class AlignmentKind:
    MERGE = "merge"
    SPLIT = "split"


def _shift_positions(translation_id: int, *, after: int, delta: int) -> None:
    later = Segment.objects.filter(translation_id=translation_id, position__gt=after)
    later.update(position=F("position") + POSITION_SHIFT)
    Segment.objects.filter(
        translation_id=translation_id, position__gt=after + POSITION_SHIFT
    ).update(position=F("position") - POSITION_SHIFT + delta)


def _result_state(segment: Segment) -> dict:
    """What an undo checks first: the repaired segment as the repair left it."""
    return {
        "id": segment.pk,
        "source_text": segment.source_text,
        "mt_text": segment.mt_text,
        "text": segment.text,
        "version": segment.version,
    }


def _segment_state(segment: Segment) -> dict:
    """Everything an undo needs to put the segment back exactly as it was."""
    return {
        **_result_state(segment),
        "position": segment.position,
        "paragraph": segment.paragraph,
        "reference_text": segment.reference_text,
        "approved_at": segment.approved_at.isoformat() if segment.approved_at else None,
        "approved_by": segment.approved_by_id,
        "esa_score": segment.esa_score,
        "score_stats": segment.score_stats,
        "updated_at": segment.updated_at.isoformat(),
        "revisions": [
            {"id": revision.pk, "number": revision.number, "text": revision.text}
            for revision in segment.revisions.order_by("number")
        ],
        "flags": [
            {
                "id": flag.pk,
                "side": flag.side,
                "start": flag.start,
                "end": flag.end,
                "stale": flag.stale,
                "made_on_version": flag.made_on_version,
                "made_start": flag.made_start,
                "made_end": flag.made_end,
            }
            for flag in segment.flags.order_by("pk")
        ],
        "dismissals": list(segment.dismissals.values_list("pk", flat=True)),
    }


def _joined(first: str, second: str, lang: str) -> tuple[str, int]:
    """The two texts as running text, and where the second starts in it."""
    separator = "" if not first or not second or joins_without_space(lang) else " "
    return first + separator + second, len(first) + len(separator)


def _record_change(
    *,
    segment: Segment,
    user: AbstractBaseUser,
    kind: str,
    side: str,
    before: list[dict],
    results: list[Segment],
    created_revisions: list[int],
) -> AlignmentChange:
    return AlignmentChange.objects.create(
        translation_id=segment.translation_id,
        kind=kind,
        side=side,
        position=segment.position,
        before={"segments": before},
        after={
            "segments": [_result_state(result) for result in results],
            "created_revisions": created_revisions,
        },
        created_by=user,
    )


def segment_merge_with_next(*, segment: Segment, user: AbstractBaseUser) -> AlignmentChange:
    """Join the segment pair with the next one on both sides (the repair for a 2-1 link).

    The first segment survives: the second one's corrections, flags and dismissals move
    onto it with their offsets shifted, and a new correction holds the joined text when
    either side had been corrected.
    """
    with transaction.atomic():
        first = _locked(segment)
        second = (
            Segment.objects.select_for_update()
            .filter(translation_id=first.translation_id, position=first.position + 1)
            .first()
        )
        if second is None:
            raise ReviewError("This is the last segment: there is no next one to merge it with.")
        document = first.translation.document
        before = [_segment_state(first), _segment_state(second)]
        source, source_shift = _joined(first.source_text, second.source_text, document.source_lang)
        mt_text, mt_shift = _joined(first.mt_text, second.mt_text, document.target_lang)
        text, text_shift = _joined(first.text, second.text, document.target_lang)
        revision_shift = first.version
        for revision in second.revisions.order_by("-number"):
            revision.segment = first
            revision.number += revision_shift
            revision.save(update_fields=["segment", "number"])
        for flag in second.flags.all():
            if flag.side == Side.SOURCE:
                flag.made_start += source_shift
                flag.made_end += source_shift
                shift = source_shift
            else:
                if flag.made_on_version == 0:
                    flag.made_start += mt_shift
                    flag.made_end += mt_shift
                else:
                    flag.made_on_version += revision_shift
                shift = text_shift
            flag.start += shift
            flag.end += shift
            flag.segment = first
            flag.save()
        taken = set(first.dismissals.values_list("check_id", "fingerprint"))
        second.dismissals.exclude(
            pk__in=[
                dismissal.pk
                for dismissal in second.dismissals.all()
                if (dismissal.check_id, dismissal.fingerprint) in taken
            ]
        ).update(segment=first)
        # Findings carry offsets into the old texts; the next check run finds them again.
        CheckFinding.objects.filter(segment__in=[first, second]).delete()
        edited = first.version > 0 or second.version > 0
        both_approved = first.is_approved and second.is_approved
        second.delete()
        _shift_positions(first.translation_id, after=first.position + 1, delta=-1)
        first.source_text, first.mt_text = source, mt_text
        first.version = revision_shift + second.version
        first.reference_text, _ = _joined(
            first.reference_text, second.reference_text, document.target_lang
        )
        first.esa_score = first.score_stats = None
        if not both_approved:
            first.approved_at = first.approved_by = None
        first.text = mt_text
        first.updated_at = timezone.now()
        first.save()
        created_revisions = []
        if edited:
            created_revisions.append(_add_revision(first, user=user, text=text).pk)
        return _record_change(
            segment=first,
            user=user,
            kind=AlignmentKind.MERGE,
            side="",
            before=before,
            results=[first],
            created_revisions=created_revisions,
        )


def segment_split(
    *, segment: Segment, user: AbstractBaseUser, side: str, offset: int
) -> AlignmentChange:
    """Move the text after `offset` (in code points) on one side into a new segment after it.

    The other side of the new segment is empty. An uncorrected translation is split in
    its machine translation too; a corrected one is split as two new corrections, since
    the machine translation has no matching cut.
    """
    if side not in Side.values:
        raise ReviewError("Choose the source or the translation to split.")
    with transaction.atomic():
        first = _locked(segment)
        text = first.text_of_side(side)
        head, tail = text[:offset].rstrip(), text[offset:].lstrip()
        if not 0 < offset < len(text) or not head or not tail:
            raise ReviewError("Put the cursor inside the text, where it should be split.")
        tail_start = len(text) - len(tail)
        live = [flag for flag in first.flags.filter(side=side, stale=False) if flag.end > len(head)]
        if any(flag.start < tail_start for flag in live):
            raise ReviewError(
                "A flag covers the place of the cut; put the cursor outside the flagged words."
            )
        before = [_segment_state(first)]
        created_revisions: list[int] = []
        new = Segment(
            translation_id=first.translation_id,
            position=first.position + 1,
            paragraph=first.paragraph,
            source_text="",
            mt_text="",
            text="",
        )
        _shift_positions(first.translation_id, after=first.position, delta=1)
        if side == Side.SOURCE:
            first.source_text, new.source_text = head, tail
        elif first.version == 0:
            first.mt_text = first.text = head
            new.mt_text = new.text = tail
        new.save()
        first.esa_score = first.score_stats = None
        first.updated_at = timezone.now()
        first.save()
        if side == Side.TARGET and first.version > 0:
            created_revisions.append(_add_revision(first, user=user, text=head).pk)
            created_revisions.append(_add_revision(new, user=user, text=tail).pk)
        for flag in live:
            flag.segment = new
            flag.start -= tail_start
            flag.end -= tail_start
            if side == Side.TARGET and new.version > 0:
                flag.made_on_version = new.version
                flag.made_start, flag.made_end = flag.start, flag.end
            else:
                flag.made_start -= tail_start
                flag.made_end -= tail_start
            flag.save()
        CheckFinding.objects.filter(segment=first).delete()
        return _record_change(
            segment=first,
            user=user,
            kind=AlignmentKind.SPLIT,
            side=side,
            before=before,
            results=[first, new],
            created_revisions=created_revisions,
        )


def alignment_change_last(translation: Translation) -> AlignmentChange | None:
    return translation.alignment_changes.filter(undone_at__isnull=True).first()


def _restore_segment(state: dict, translation_id: int) -> Segment:
    segment = Segment(
        pk=state["id"],
        translation_id=translation_id,
        position=state["position"],
        paragraph=state["paragraph"],
        source_text=state["source_text"],
        mt_text=state["mt_text"],
        text=state["text"],
        version=state["version"],
        reference_text=state["reference_text"],
        approved_at=state["approved_at"],
        approved_by_id=state["approved_by"],
        esa_score=state["esa_score"],
        score_stats=state["score_stats"],
        updated_at=state["updated_at"],
    )
    segment.save()
    for revision in state["revisions"]:
        Revision.objects.filter(pk=revision["id"]).update(
            segment=segment, number=revision["number"]
        )
    for flag in state["flags"]:
        Flag.objects.filter(pk=flag["id"]).update(
            segment=segment, **{field: value for field, value in flag.items() if field != "id"}
        )
    CheckDismissal.objects.filter(pk__in=state["dismissals"]).update(segment=segment)
    return segment


def alignment_change_undo(*, change: AlignmentChange, user: AbstractBaseUser) -> None:
    """Put the segments back as they were before the merge or split.

    Only the translation's last repair can be undone, and only while its segments are as
    it left them: undoing across a later correction would throw that correction away.
    """
    with transaction.atomic():
        change = AlignmentChange.objects.select_for_update().get(pk=change.pk)
        last = alignment_change_last(change.translation)
        if last is None or last.pk != change.pk:
            raise ReviewError("Only the last alignment change can be undone.")
        results = change.after["segments"]
        current = {
            segment.pk: segment
            for segment in Segment.objects.select_for_update().filter(
                pk__in=[state["id"] for state in results]
            )
        }
        if len(current) != len(results) or any(
            _result_state(current[state["id"]]) != state for state in results
        ):
            raise ReviewError(
                "These segments were changed after the alignment change; "
                "undo those edits first, or repair the alignment again."
            )
        states = change.before["segments"]
        restored_ids = {state["id"] for state in states}
        Revision.objects.filter(pk__in=change.after["created_revisions"]).delete()
        survivor = current[states[0]["id"]]
        for state in results:
            if state["id"] not in restored_ids:
                # Flags made on the repaired segment go back to the first one and are
                # re-anchored below; dismissals without their segment mean nothing.
                current[state["id"]].flags.update(segment=survivor)
                current[state["id"]].delete()
        _shift_positions(
            change.translation_id,
            after=change.position + len(results) - 1,
            delta=len(states) - len(results),
        )
        for state in states:
            _restore_segment(state, change.translation_id)
        known_flags = {flag["id"] for state in states for flag in state["flags"]}
        survivor.refresh_from_db()
        for flag in survivor.flags.exclude(pk__in=known_flags):
            anchor = reanchor(flag.quote, flag.start, survivor.text_of_side(flag.side))
            flag.start, flag.end, flag.stale = anchor.start, anchor.end, anchor.stale
            flag.save(update_fields=["start", "end", "stale"])
        change.undone_at = timezone.now()
        change.save(update_fields=["undone_at"])


# --- automatic checks -------------------------------------------------------------------


def document_run_checks(*, document: Document) -> int:
    """Run every enabled check on each of the document's translations, replacing their
    findings; returns how many findings were stored."""
    project = document.project
    context = checking.project_context(project)
    check_ids = checking.enabled_check_ids(project)
    with transaction.atomic():
        return sum(
            checking.replace_translation_findings(
                translation, document, context, check_ids, replace_all=True
            )
            for translation in document.translations.all()
        )


def segment_run_checks(*, segment: Segment) -> int:
    """Re-check a segment whose text changed.

    The checks that look at one segment at a time run now, so the page shows their
    findings right after a save; the ones that compare segments (names, consistency) need
    the whole document and run in the background once the edit is committed.
    """
    translation = segment.translation
    document = translation.document
    project = document.project
    with transaction.atomic():
        stored = checking.replace_segment_findings(
            segment,
            document,
            checking.project_context(project),
            checking.enabled_check_ids(project, document_level=False),
        )
        document_level = checking.enabled_check_ids(project, document_level=True)
        if document_level:
            transaction.on_commit(
                lambda: _enqueue_translation_checks(translation.pk, document_level)
            )
    return stored


def _enqueue_translation_checks(translation_id: int, check_ids: list[str]) -> None:
    # tasks imports this module, so the task is looked up when it is needed.
    from reviewapp.tasks import run_translation_checks

    run_translation_checks.enqueue(translation_id, check_ids)


def translation_run_checks(*, translation: Translation, check_ids: list[str]) -> int:
    """Replace the findings of the given checks on one translation (the background step)."""
    document = translation.document
    enabled = set(checking.enabled_check_ids(document.project))
    with transaction.atomic():
        return checking.replace_translation_findings(
            translation,
            document,
            checking.project_context(document.project),
            [check_id for check_id in check_ids if check_id in enabled],
            replace_all=False,
        )


def project_run_checks(*, project: Project) -> int:
    return sum(document_run_checks(document=document) for document in project.documents.all())


def _finding_span(finding: CheckFinding, segment: Segment) -> tuple[str, int, int]:
    """Where the flag for a finding goes: its words in the translation if they are still
    there, else its words in the source, else the whole translation."""
    if finding.target_span and finding.target_start is not None:
        anchor = reanchor(finding.target_span, finding.target_start, segment.text)
        if not anchor.stale:
            return Side.TARGET, anchor.start, anchor.end
    if finding.source_span and finding.source_start is not None and finding.source_end:
        return Side.SOURCE, finding.source_start, finding.source_end
    return Side.TARGET, 0, len(segment.text)


def finding_accept(*, finding: CheckFinding, user: AbstractBaseUser) -> Flag:
    """Turn a finding into a flag pre-filled from it; the finding will not come back."""
    with transaction.atomic():
        segment = _locked(finding.segment)
        side, start, end = _finding_span(finding, segment)
        flag = flag_create(
            segment=segment,
            user=user,
            side=side,
            start=start,
            end=end,
            version=segment.version,
            category=finding.category,
            severity=finding.severity,
            comment=finding.message,
            suggestion=finding.suggestion,
        )
        flag.from_check = finding.check_id
        flag.save(update_fields=["from_check"])
        _dismiss(finding, user=user, reason="Accepted as a flag.")
        return flag


def _dismiss(finding: CheckFinding, *, user: AbstractBaseUser, reason: str) -> CheckDismissal:
    dismissal, _ = CheckDismissal.objects.update_or_create(
        segment_id=finding.segment_id,
        check_id=finding.check_id,
        fingerprint=finding.fingerprint,
        defaults={"reason": reason, "dismissed_by": user},
    )
    CheckFinding.objects.filter(
        segment_id=finding.segment_id, check_id=finding.check_id, fingerprint=finding.fingerprint
    ).delete()
    return dismissal


def finding_dismiss(
    *, finding: CheckFinding, user: AbstractBaseUser, reason: str = ""
) -> CheckDismissal:
    """Hide a finding for good: reruns of the checks leave out what was dismissed."""
    with transaction.atomic():
        return _dismiss(finding, user=user, reason=reason.strip())


def project_set_disabled_checks(*, project: Project, disabled: Iterable[str]) -> None:
    """Switch checks off for a project and drop what they had found; checks switched back
    on find again at the next run."""
    disabled = sorted(set(disabled) & set(checking.checks.CHECKS))
    with transaction.atomic():
        project.disabled_checks = disabled
        project.save(update_fields=["disabled_checks"])
        CheckFinding.objects.filter(
            segment__translation__document__project=project, check_id__in=disabled
        ).delete()
        document_ids = list(project.documents.values_list("pk", flat=True))
        transaction.on_commit(lambda: _enqueue_document_checks(document_ids))


def _enqueue_document_checks(document_ids: list[int]) -> None:
    from reviewapp.tasks import run_document_checks  # see _enqueue_translation_checks

    for document_id in document_ids:
        run_document_checks.enqueue(document_id)


def _checked_term(value: str, label: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ReviewError(f"Give the {label}.")
    return value


def glossary_entry_create(
    *,
    project: Project,
    user: AbstractBaseUser | None,
    source_term: str,
    target_term: str,
    note: str = "",
) -> GlossaryEntry:
    """Add a term and check the project's documents against it at once."""
    source_term = _checked_term(source_term, "source term")
    target_term = _checked_term(target_term, "approved translation")
    with transaction.atomic():
        if project.glossary.filter(source_term=source_term, target_term=target_term).exists():
            raise ReviewError(f"The glossary already has “{source_term}” → “{target_term}”.")
        entry = GlossaryEntry.objects.create(
            project=project,
            source_term=source_term,
            target_term=target_term,
            note=note.strip(),
            created_by=user,
        )
        checking.rerun_project_checks(project, ["glossary"])
    return entry


def glossary_import(
    *, project: Project, user: AbstractBaseUser | None, terms: Iterable[tuple[str, str, str]]
) -> tuple[int, int]:
    """Add (source term, approved translation, note) rows; returns (added, already there)."""
    with transaction.atomic():
        known = set(project.glossary.values_list("source_term", "target_term"))
        new_entries = []
        for source, target, note in terms:
            key = (" ".join(source.split()), " ".join(target.split()))
            if key in known or not all(key):
                continue
            known.add(key)
            new_entries.append(
                GlossaryEntry(
                    project=project,
                    source_term=key[0],
                    target_term=key[1],
                    note=note.strip(),
                    created_by=user,
                )
            )
        GlossaryEntry.objects.bulk_create(new_entries)
        checking.rerun_project_checks(project, ["glossary"])
    return len(new_entries), len(known) - len(new_entries)


def glossary_entry_delete(*, entry: GlossaryEntry) -> None:
    with transaction.atomic():
        entry.delete()
        checking.rerun_project_checks(entry.project, ["glossary"])


def _compiled_rule_pattern(pattern: str, is_regex: bool) -> str:
    pattern = pattern.strip()
    if not pattern:
        raise ReviewError("Give the words or the regular expression to look for.")
    if is_regex:
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise ReviewError(f"“{pattern}” is not a valid regular expression: {error}.") from None
        if compiled.match(""):
            raise ReviewError(f"“{pattern}” matches empty text; it would match everywhere.")
    return pattern


def _checked_rule_condition(condition: str) -> str:
    # A condition is a regular expression matched on whole words of the source
    # ("strikes?", "demilitari[sz]ed"); one that does not compile would stop every
    # later run of the project's checks.
    condition = " ".join(condition.split())
    try:
        re.compile(condition)
    except re.error as error:
        raise ReviewError(
            f"The source condition “{condition}” is not a valid regular expression: {error}."
            " Put a backslash before special characters, as in C\\+\\+."
        ) from None
    return condition


def phrasing_rule_create(
    *,
    project: Project,
    user: AbstractBaseUser | None,
    pattern: str,
    is_regex: bool = False,
    source_condition: str = "",
    message: str = "",
    suggestion: str = "",
    category: str = "awkward",
    severity: str = "major",
) -> tuple[PhrasingRule, int]:
    """Save a known bad rendering and flag it across the project; returns the rule and
    how many segments it was found in."""
    pattern = _compiled_rule_pattern(pattern, is_regex)
    source_condition = _checked_rule_condition(source_condition)
    with transaction.atomic():
        rule = PhrasingRule.objects.create(
            project=project,
            pattern=pattern,
            is_regex=is_regex,
            source_condition=source_condition,
            message=message.strip(),
            suggestion=suggestion.strip(),
            category=category,
            severity=severity,
            created_by=user,
        )
        checking.rerun_project_checks(project, ["phrasing"])
        hits = checking.rule_hit_count(project, checking.pure_rule(rule))
    return rule, hits


def phrasing_rule_from_flag(*, flag: Flag, user: AbstractBaseUser) -> tuple[PhrasingRule, int]:
    """“Flag this everywhere”: the flagged words become a rule with the flag's correction."""
    if flag.side != Side.TARGET:
        raise ReviewError("Only words flagged in the translation can become a rule.")
    return phrasing_rule_create(
        project=flag.segment.translation.document.project,
        user=user,
        pattern=flag.quote,
        message=flag.comment,
        suggestion=flag.suggestion,
        category=flag.category,
        severity=flag.severity,
    )


def phrasing_rule_set_enabled(*, rule: PhrasingRule, enabled: bool) -> None:
    with transaction.atomic():
        rule.enabled = enabled
        rule.save(update_fields=["enabled"])
        checking.rerun_project_checks(rule.project, ["phrasing"])


def phrasing_rule_delete(*, rule: PhrasingRule) -> None:
    with transaction.atomic():
        rule.delete()
        checking.rerun_project_checks(rule.project, ["phrasing"])


@dataclass(frozen=True)
class FixChoice:
    """A ticked line of the fix-everywhere preview: a span of one version of a segment."""

    segment_id: int
    version: int
    start: int
    end: int


@dataclass
class FixOutcome:
    changed: list[Segment]
    conflicts: list[Segment]


def fix_everywhere_apply(
    *,
    segments: QuerySet[Segment],
    user: AbstractBaseUser,
    wrong: str,
    right: str,
    choices: Iterable[FixChoice],
) -> FixOutcome:
    """Replace the chosen occurrences of `wrong` by `right`, one revision per segment.

    A segment saved since the preview (another version) is left alone and reported, so
    nothing written meanwhile is overwritten; spans that no longer hold `wrong` are skipped.
    """
    right = right.strip()
    if not wrong.strip() or not right:
        raise ReviewError("Give both the wrong words and their correction.")
    by_segment: dict[int, list[FixChoice]] = {}
    for choice in choices:
        by_segment.setdefault(choice.segment_id, []).append(choice)
    outcome = FixOutcome(changed=[], conflicts=[])
    with transaction.atomic():
        locked = segments.select_for_update().filter(pk__in=by_segment).order_by("pk")
        for segment in locked.select_related("translation__document"):
            chosen = by_segment[segment.pk]
            if any(choice.version != segment.version for choice in chosen):
                outcome.conflicts.append(segment)
                continue
            document = segment.translation.document
            valid = checking.still_proposed(segment, document, wrong, right)
            spans = sorted({(c.start, c.end) for c in chosen} & valid, reverse=True)
            text = segment.text
            for start, end in spans:
                text = text[:start] + right + text[end:]
            if spans:
                _add_revision(segment, user=user, text=text)
                outcome.changed.append(segment)
    return outcome


# --- reference translations -------------------------------------------------------------

# bulk_update writes one CASE per row; batches keep each statement a reasonable size.
REFERENCE_BATCH_SIZE = 1000


def _reference_per_segment(
    segments: list[Segment], reference_text: str, source_lang: str, target_lang: str
) -> list[str]:
    """Each segment's share of the reference: a link's sentences go to the first segment of
    its source group; reference sentences matching no source join the segment before them
    (or the first one), so that no reference text is lost to the scores."""
    reference_sentences = [
        sentence
        for paragraph in segment_document(reference_text, target_lang)
        for sentence in paragraph
    ]
    if not reference_sentences:
        raise ReviewError("The reference translation is empty.")
    sources = [segment.source_text for segment in segments]
    shares: list[list[str]] = [[] for _ in segments]
    receiver = 0
    unplaced: list[str] = []
    for source_group, reference_group in align_sentences(
        sources, reference_sentences, source_lang, target_lang
    ):
        sentences = [reference_sentences[index] for index in reference_group]
        if not source_group:
            unplaced.extend(sentences)
            continue
        receiver = source_group[0]
        shares[receiver].extend(unplaced + sentences)
        unplaced = []
    shares[receiver].extend(unplaced)
    return [join_sentences(share, target_lang) for share in shares]


def translation_set_reference(
    *, translation: Translation, reference_text: str, user: AbstractBaseUser | None
) -> int:
    """Align a human reference translation with the segments and store each segment's part;
    returns how many segments got a reference. Changed segments lose their cached score
    statistics, so that reports recompute them against the new reference."""
    if not reference_text.strip():
        raise ReviewError("The reference translation is empty.")
    document = translation.document
    with transaction.atomic():
        segments = list(translation.segments.select_for_update().order_by("position"))
        if not segments:
            raise ReviewError("The document has no text.")
        references = _reference_per_segment(
            segments, reference_text, document.source_lang, document.target_lang
        )
        changed = []
        for segment, reference in zip(segments, references, strict=True):
            if segment.reference_text != reference:
                segment.reference_text = reference
                segment.score_stats = None
                changed.append(segment)
        Segment.objects.bulk_update(
            changed, ["reference_text", "score_stats"], batch_size=REFERENCE_BATCH_SIZE
        )
    return sum(1 for reference in references if reference)
