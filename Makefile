# battery_dev: the two README commands (make demo, make test) and the rest.
# Everything runs in .venv, created and updated here; nothing else needs installing by hand.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pip on some machines warns once per package about unusable local index folders: keep its output readable
QUIET_PIP := 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }
export PYBAMM_DISABLE_TELEMETRY := true
export MPLBACKEND := Agg
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: install demo test sync lint docs check-docs nbtest bench lab clean chromium

install: $(STAMP)

# Reinstall only when the package metadata or the pins change. torch goes first as the CPU build
# (DESIGN.md: torch==2.13.0 lies on disk here; an unpinned torch pulls a multi-GB CUDA build).
$(STAMP): settings.ini setup.py constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel $(QUIET_PIP)
	$(BIN)/python -m pip install -q torch==2.13.0 $(QUIET_PIP)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]' $(QUIET_PIP)
	@touch $@

demo: $(STAMP)
	$(BIN)/battery-dev post

# make test: every check; the last line counts notebooks as 'N passed, N failed'.
test: $(STAMP) sync lint docs check-docs nbtest

sync: $(STAMP)
	$(BIN)/python tools/check_sync.py

lint: $(STAMP)
	$(BIN)/actionlint .github/workflows/*.yml
	$(BIN)/check-jsonschema -q --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema -q --builtin-schema vendor.compose-spec compose.yaml
	$(BIN)/hadolint Dockerfile
	@echo "lint: workflows, compose.yaml and Dockerfile are clean"

docs: $(STAMP)
	$(BIN)/python tools/build_docs.py

chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium)"; exit 1; fi; }

check-docs: $(STAMP) chromium
	$(BIN)/python tools/check_docs.py

nbtest: $(STAMP)
	$(BIN)/python tools/run_nbtests.py $(if $(FLAGS),--flags "$(FLAGS)")

bench: $(STAMP)
	$(BIN)/battery-dev bench

lab: $(STAMP)
	$(BIN)/jupyter-lab --notebook-dir=nbs

clean:
	rm -rf _docs _proc .docs_build outbox runs-out
