"""The demo project: its document, its accounts, and loading it twice."""

from django.contrib.auth.models import User
from django.core.management import call_command

from reviewapp.alignment import align_document
from reviewapp.demo import DEMO_DIR, load_demo
from reviewapp.models import Document, Project, Segment


def demo_texts():
    return (
        (DEMO_DIR / f"paris-talks.{lang}.txt").read_text(encoding="utf-8") for lang in ("en", "ar")
    )


def test_demo_pairs_keep_paragraph_order():
    source, target = demo_texts()
    pairs = align_document(source, target, "en", "ar")
    assert pairs[0].paragraph == 0 and pairs[-1].paragraph == 20
    assert [p.paragraph for p in pairs] == sorted(p.paragraph for p in pairs)
    assert "Dermer" in pairs[2].source and "ديمر" in pairs[2].target


def test_load_demo_twice_adds_nothing(db):
    load_demo(password="first-password")
    counts = (
        Project.objects.count(),
        Document.objects.count(),
        Segment.objects.count(),
        User.objects.count(),
    )
    logins = load_demo(password="second-password")
    assert counts == (
        Project.objects.count(),
        Document.objects.count(),
        Segment.objects.count(),
        User.objects.count(),
    )
    assert counts[0] == 1 and counts[3] == 2 and counts[2] >= 21
    assert not logins.generated
    editor = User.objects.get(username="editor")
    assert editor.check_password("second-password") and not editor.is_staff
    assert User.objects.get(username="admin").is_staff
    assert Project.objects.get(name="Demo").is_member(editor)


def test_command_prints_the_logins(db, capsys, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    call_command("load_demo")
    out = capsys.readouterr().out
    password = out.split("admin  / ")[1].split()[0]
    assert User.objects.get(username="admin").check_password(password)
    assert "editor / " + password in out
