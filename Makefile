# newsbrief: two commands do everything on a fresh machine.
#   make serve   create .venv, install pinned dependencies, generate the briefs, serve on :8000
#   make test    create .venv, install pinned dependencies, run the tests
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install serve build test test-all quality speed scale freeze clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	mkdir -p docs
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/newsbrief build --strict

# In CI (CI=true) the slow tests run too; the default local loop leaves them out.
test: $(STAMP)
	$(BIN)/python -m pytest $(if $(CI),-m "",)

test-all: $(STAMP)
	$(BIN)/python -m pytest -m ""

quality: $(STAMP)
	$(BIN)/python benchmarks/quality.py

scale: $(STAMP)
	$(BIN)/python benchmarks/site_scale.py

speed: $(STAMP)
	$(BIN)/python benchmarks/speed.py

freeze: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -vi '^newsbrief' > requirements.lock.tmp
	( echo "# Pinned dependencies of newsbrief (runtime, spaCy models and tests). Refresh with 'make freeze'."; cat requirements.lock.tmp ) > requirements.txt
	rm -f requirements.lock.tmp

clean:
	rm -rf site .cache
	find docs -mindepth 1 ! -name .gitkeep -exec rm -rf {} + 2>/dev/null || true
