"""The demo article's name findings, through the app: load_demo, stored findings."""

import pytest

from reviewapp.demo import DEMO_TITLE, load_demo
from reviewapp.models import CheckFinding, Document


@pytest.fixture
def name_findings(db, settings) -> list[tuple[str, str, str]]:
    # The import queues the checks for the worker; this backend runs them at once.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    load_demo(password="demo password")
    document = Document.objects.get(title=DEMO_TITLE)
    return list(
        CheckFinding.objects.filter(
            segment__translation__document=document, check_id="names"
        ).values_list("kind", "source_span", "target_span")
    )


@pytest.mark.parametrize(("name", "count"), [("Dermer", 2), ("Barrack", 1), ("Tarif", 1)], ids=str)
def test_wrong_names_are_reported(name_findings, name, count):
    assert sum(source == name for _, source, _ in name_findings) == count


def test_sweida_left_in_latin_script_is_reported(name_findings):
    assert ("name_latin", "Sweida", "Sweida") in name_findings


@pytest.mark.parametrize(
    "name", ["Paris", "Damascus", "Baku", "Azerbaijan", "Bashar al-Assad", "Assad"]
)
def test_correct_names_are_not_reported(name_findings, name):
    assert not any(source == name for _, source, _ in name_findings)


def test_sana_is_reported_only_where_it_is_dropped(name_findings):
    assert [kind for kind, source, _ in name_findings if source == "SANA"] == ["name_missing"]
