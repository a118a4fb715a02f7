# newsbrief: two commands do everything on a fresh machine.
#   make serve   create .venv, install pinned dependencies, generate the briefs, serve on :8000
#   make test    create .venv, install pinned dependencies, run the whole test suite (as CI does)
# Python 3.11.5 to 3.14: what spaCy 3.8 and every pin of requirements.txt have wheels for (numpy
# 2.4 starts at 3.11, pymdown-extensions 13 at 3.11.5). The first of these commands that runs and
# is in range makes .venv; `make PYTHON=/path/to/python` picks another.
SUPPORTED := (3, 11, 5) <= sys.version_info[:3] and sys.version_info[:2] <= (3, 14)
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(not ($(SUPPORTED)))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install serve build test test-fast test-all lint quality speed scale bench freeze clean

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || test -n "$(PYTHON)" || { echo "newsbrief needs Python 3.11.5 to 3.14" \
	  "(python3.13, python3.12, python3.11 or python3; or make PYTHON=/path/to/python)" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "could not create $(VENV): on Debian or Ubuntu, install python3-venv" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	mkdir -p docs
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# A build to publish: it needs the site's address, from mkdocs.yml or SITE_URL=https://… make build.
build: $(STAMP)
	$(BIN)/newsbrief build --strict

# Every test, the slow ones too (full MkDocs builds, the browser, a plain install): what CI runs.
test: $(STAMP) lint
	$(BIN)/python -m pytest

# Lint, format check and types: part of `make test`, so CI fails on them too.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The developer loop: everything but the tests marked slow.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

test-all: test

quality: $(STAMP)
	$(BIN)/python benchmarks/quality.py

scale: $(STAMP)
	$(BIN)/python benchmarks/site_scale.py

speed: $(STAMP)
	$(BIN)/python benchmarks/speed.py

# The whole pipeline on 1,000 articles made from ../shared/eval (ARGS=--large for 10,000).
bench: $(STAMP)
	$(BIN)/python benchmarks/pipeline.py $(ARGS)

freeze: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -vi '^newsbrief' > requirements.lock.tmp
	( echo "# Pinned dependencies of newsbrief (runtime, spaCy models and tests). Refresh with 'make freeze'."; cat requirements.lock.tmp ) > requirements.txt
	rm -f requirements.lock.tmp

clean:
	rm -rf site .cache
	find docs -mindepth 1 ! -name .gitkeep -exec rm -rf {} + 2>/dev/null || true
