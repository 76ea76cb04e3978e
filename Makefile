# AnyDoor: `make run` to chat, `make test` to check everything. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV     := .venv
PY       := $(VENV)/bin/python
RASA     := $(VENV)/bin/rasa
PYBABEL  := $(VENV)/bin/pybabel
STAMP    := $(VENV)/.installed
ORACLE_VENV  := .venv-oracle
ORACLE_PY    := $(ORACLE_VENV)/bin/python
ORACLE_STAMP := $(ORACLE_VENV)/.installed
ORACLE_REQS  := bench/oracle/requirements.txt
MODEL    := models/anydoor.tar.gz
LOCALES  := $(wildcard locales/*/LC_MESSAGES/messages.po)
CATALOGS := $(LOCALES:.po=.mo)
TRAINING := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) $(wildcard nlu_components/*.py)

export ANYDOOR_RASA_PORT    ?= 5005
export ANYDOOR_SERVICE_PORT ?= 5055
export ANYDOOR_TRACKER_DB   ?= $(CURDIR)/var/rasa.db
# Rasa and TensorFlow: no telemetry, quieter logs.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL   := 2
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: setup chromium train run run-scaled shell test lint validate bench oracle catalogs clean

setup: $(STAMP) $(CATALOGS) chromium

# The web chat's browser tests (tests/web) drive Debian's Chromium; they skip without it.
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: the browser tests (tests/web) will be skipped." \
	         "Install it as root: apt-get update && apt-get install -y chromium"; \
	  fi; }

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
	@echo "Training the model (about 2 minutes)..."
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

# AnyDoor vs PolicyEngine-US on random households (dev only, not part of `make test`).
# PolicyEngine needs Python 3.11+ and numpy 2, so it gets its own venv, made once.
oracle: setup $(ORACLE_STAMP)
	@$(PY) -m bench.oracle --oracle-python $(ORACLE_PY) $(ARGS)

$(ORACLE_STAMP): $(ORACLE_REQS)
	@test -x $(ORACLE_PY) || { py=$$(bench/oracle/find-python) && echo "Making $(ORACLE_VENV) with $$py" && "$$py" -m venv $(ORACLE_VENV); }
	@echo "Installing PolicyEngine-US into $(ORACLE_VENV) (about a minute, ~900 MB)..."
	@set -o pipefail; $(ORACLE_PY) -m pip install $(PIP_QUIET) --upgrade pip 2>&1 | { grep -v 'is ignored' || true; }
	@set -o pipefail; $(ORACLE_PY) -m pip install $(PIP_QUIET) -r $(ORACLE_REQS) 2>&1 | { grep -v 'is ignored' || true; }
	@touch $@

clean:
	rm -rf models var .pytest_cache .ruff_cache
