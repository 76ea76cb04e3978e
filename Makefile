# AnyDoor: `make run` to chat, `make test` to check everything. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV     := .venv
PY       := $(VENV)/bin/python
RASA     := $(VENV)/bin/rasa
PYBABEL  := $(VENV)/bin/pybabel
STAMP    := $(VENV)/.installed
MODEL    := models/anydoor.tar.gz
LOCALES  := $(wildcard locales/*/LC_MESSAGES/messages.po)
CATALOGS := $(LOCALES:.po=.mo)
TRAINING := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null)

export ANYDOOR_RASA_PORT    ?= 5005
export ANYDOOR_SERVICE_PORT ?= 5055
export ANYDOOR_TRACKER_DB   ?= $(CURDIR)/var/rasa.db
# Rasa and TensorFlow: no telemetry, quieter logs.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL   := 2
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: setup train run run-scaled shell test lint validate bench catalogs clean

setup: $(STAMP) $(CATALOGS)

$(STAMP): pyproject.toml
	@test -x $(PY) || { py310=$$(scripts/find-python310) && echo "Making $(VENV) with $$py310" && "$$py310" -m venv $(VENV); }
	@echo "Installing AnyDoor and Rasa 3.6 into $(VENV) (about 2 minutes the first time)..."
	@$(PY) -m pip install $(PIP_QUIET) --upgrade pip wheel 2>&1 | grep -v 'is ignored' || true
	@set -o pipefail; $(PY) -m pip install $(PIP_QUIET) -e '.[dev]' 2>&1 | grep -v 'is ignored'
	@touch $@

# Compiled catalogs (.mo) are build output; translators edit the .po files.
locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(STAMP)
	@$(PYBABEL) compile --domain messages --use-fuzzy -i $< -o $@ --locale $* >/dev/null

# Re-extract the template from bot/i18n/messages.yml and merge it into every catalog.
catalogs: $(STAMP)
	$(PYBABEL) extract -F babel.cfg -o locales/messages.pot --no-location --project AnyDoor .
	$(PYBABEL) update --domain messages -i locales/messages.pot -d locales --no-wrap
	@$(MAKE) --no-print-directory $(CATALOGS)

# Trains only when the training data or config changed since the last model.
train: $(MODEL)
$(MODEL): $(TRAINING) $(STAMP)
	@echo "Training the model (about a minute)..."
	@$(RASA) train --fixed-model-name anydoor --out models --quiet
	@touch $@

run: setup train
	@$(PY) -m service.stack

# 2 Rasa + 2 service replicas behind two local balancers, on PostgreSQL and Redis
# (ANYDOOR_DATABASE_URL, ANYDOOR_REDIS_URL; local servers by default). README, "Running for a
# whole county".
run-scaled: setup train
	@$(PY) -m service.scaled

shell: setup
	@$(PY) -m service.shell

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy bot

validate: setup
	$(RASA) data validate --quiet

test: setup train lint validate
	$(PY) -m pytest -q

bench: setup train
	$(PY) bench/run.py $(ARGS)

clean:
	rm -rf models var .pytest_cache .ruff_cache
