# battery_dev: the two README commands (make demo, make test) and the rest.
# Everything runs in .venv, created and updated here; nothing else needs installing by hand.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pip on some machines warns once per package about unusable local index folders: keep its output readable
QUIET_PIP := 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }
export PYBAMM_DISABLE_TELEMETRY := true
export MPLBACKEND := Agg
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: install demo test sync lint docs check-docs nbtest pipeline coverage-hook outputs bench lab clean chromium serve serve-bench

install: $(STAMP)

# Reinstall only when the package metadata or the pins change. torch goes first, pinned: PyPI's default torch
# wheel for Linux is a multi-GB CUDA build, and once a torch==2.13.0 is installed (the CPU build from
# https://download.pytorch.org/whl/cpu, as CI and the Dockerfile install it) pip keeps it instead of fetching another.
$(STAMP): settings.ini setup.py constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel $(QUIET_PIP)
	$(BIN)/python -m pip install -q torch==2.13.0 $(QUIET_PIP)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]' $(QUIET_PIP)
	@touch $@

demo: $(STAMP)
	$(BIN)/battery-dev post

# make test: every check; the last line counts notebooks as 'N passed, N failed'. The pipeline check and the
# notebooks run with coverage on (every Python process they start records its lines; see .coveragerc), and the
# combined line coverage of battery_dev is printed before that last line.
COVERAGE_ENV = COVERAGE_PROCESS_START=$(CURDIR)/.coveragerc COVERAGE_FILE=$(CURDIR)/.coverage-data/battery_dev \
	BATTERY_DEV_ROOT=$(CURDIR)
test: $(STAMP) sync lint docs check-docs coverage-hook
	@rm -rf .coverage-data && mkdir -p .coverage-data
	$(COVERAGE_ENV) $(BIN)/python tools/check_pipeline.py
	$(COVERAGE_ENV) $(BIN)/python tools/run_nbtests.py --coverage $(if $(FLAGS),--flags "$(FLAGS)")

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

# The DVC pipeline (dvc.yaml) on tiny parameters in a temporary copy: four checks, timed (tools/check_pipeline.py).
pipeline: $(STAMP)
	DVC_NO_ANALYTICS=1 $(BIN)/python tools/check_pipeline.py

# The .pth start-up hook that lets coverage follow child processes (inert unless COVERAGE_PROCESS_START is set).
coverage-hook: $(STAMP)
	@$(BIN)/python tools/coverage_hook.py

# Run notebooks in place keeping their outputs, which the docs show: make outputs NB="nbs/compare/01_config.ipynb ..."
outputs: $(STAMP)
	$(BIN)/python tools/keep_outputs.py $(NB)

bench: $(STAMP)
	$(BIN)/battery-dev bench

# The web page on http://127.0.0.1:8000 (SERVE_ARGS adds options, e.g. SERVE_ARGS='--host 0.0.0.0' in a container);
# its gallery shows the outbox that `make demo` fills. serve-bench: the load benchmark against a fresh server.
SERVE_ARGS ?=
serve: $(STAMP)
	$(BIN)/battery-dev serve $(SERVE_ARGS)

serve-bench: $(STAMP)
	$(BIN)/battery-dev serve --bench

# Jupyter Lab on the notebooks, on 127.0.0.1 (LAB_ARGS adds options, e.g. LAB_ARGS=--ip=0.0.0.0 in a container).
# Jupyter refuses to run as root without --allow-root: pass it when make runs as root (containers, CI).
LAB_ARGS ?=
lab: $(STAMP)
	$(BIN)/jupyter-lab --notebook-dir=nbs $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

clean:
	rm -rf _docs _proc .docs_build outbox runs-out web-state
