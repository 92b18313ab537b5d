# `make run` serves the demo; `make test` runs every test. Both set up what they need.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: install run worker test lint bench

$(VENV)/installed.stamp: requirements.txt
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

install: $(VENV)/installed.stamp

run: install
	PORT=$(PORT) scripts/serve

worker: install
	$(PY) manage.py db_worker

test: install
	scripts/test

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
