import pytest
from django.core.exceptions import ImproperlyConfigured

from reviewapp.settings import envbool, envint, envlist


@pytest.mark.parametrize(
    ("value", "expected"), [("true", True), ("1", True), ("off", False), ("", False)]
)
def test_envbool(monkeypatch, value, expected):
    monkeypatch.setenv("SOME_FLAG", value)
    assert envbool("SOME_FLAG", "false") is expected


@pytest.mark.parametrize(("parse", "value"), [(envbool, "maybe"), (envint, "ten")])
def test_malformed_values_stop_start_up(monkeypatch, parse, value):
    monkeypatch.setenv("SOME_SETTING", value)
    with pytest.raises(ImproperlyConfigured, match="SOME_SETTING"):
        parse("SOME_SETTING", "0")


def test_envlist(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example, b.example ,,")
    assert envlist("HOSTS", "") == ["a.example", "b.example"]
