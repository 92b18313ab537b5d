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


def test_a_number_below_its_minimum_stops_start_up(monkeypatch):
    monkeypatch.setenv("CHECK_PROCESSES", "0")
    with pytest.raises(ImproperlyConfigured, match="CHECK_PROCESSES must be at least 1"):
        envint("CHECK_PROCESSES", "2", minimum=1)
    monkeypatch.setenv("CHECK_PROCESSES", "3")
    assert envint("CHECK_PROCESSES", "2", minimum=1) == 3
