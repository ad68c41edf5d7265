# Familien-Lotse — every operator and developer task. `make help` lists them.
.DEFAULT_GOAL := help
VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed
export RASA_TELEMETRY_ENABLED := false

.PHONY: help setup run test test-fast chromium poppler lint bench bench-cluster validate sync clean cluster cluster-stop cluster-deps editor

help: ## List the tasks
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt scripts/bootstrap.sh
	scripts/bootstrap.sh
	touch $@

WIDGET := widget/dist/lotse-widget.js
EDITOR_DIST := editor/dist/config.yml

$(WIDGET): widget/src/widget.js widget/package.json widget/package-lock.json
	cd widget && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build

setup: $(STAMP) $(WIDGET) ## Create .venv (Python 3.10), install pinned dependencies, build the widget; quick when nothing changed

run: setup ## Start the whole bot: sync sample offers, train if needed, action server + Rasa server
	$(BIN)/lotse run

test: setup chromium poppler cluster-deps $(EDITOR_DIST) ## Run the full test suite (unit, integration, end-to-end, browser, cluster, editor, report)
	cd editor && node --test test/
	$(BIN)/pytest

poppler: ## Install Debian's poppler-utils (pdftoppm), pango and DejaVu fonts for the report's PDF (needs root; skipped when present)
	@{ command -v pdftoppm >/dev/null && [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && ldconfig -p | grep -q libpangoft2; } \
		|| { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; } \
		|| { echo "The report's PDF needs Debian's poppler-utils, pango, fonts-dejavu-core: sudo apt-get install poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"; exit 1; }

chromium: ## Install Debian's chromium for the browser tests (needs root; skipped when present)
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| { echo "Browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; }

cluster: setup cluster-deps ## Production topology on this machine: nginx :8080, 2 Rasa + 2 action servers (supervisor), PostgreSQL, Redis
	$(BIN)/lotse cluster start

cluster-stop: ## Stop everything `make cluster` started
	$(BIN)/lotse cluster stop

cluster-deps: ## Install Debian's nginx and supervisor for `make cluster` (needs root; skipped when present)
	@{ [ -x /usr/sbin/nginx ] && command -v supervisord >/dev/null; } || { [ "$$(id -u)" = 0 ] && apt-get update -qq \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light supervisor >/dev/null; } \
		|| { echo "make cluster needs Debian's nginx and supervisor: sudo apt-get install nginx-light supervisor"; exit 1; }

$(EDITOR_DIST): editor/build.mjs editor/src/config.base.yml editor/src/lotse-yaml.js editor/src/main.js editor/src/index.html editor/package.json editor/package-lock.json offers_db/categories.yml
	cd editor && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build

editor: setup $(EDITOR_DIST) ## Angebots-Formular im Browser (Decap CMS) auf http://127.0.0.1:8180/ – schreibt in offers_db/offers/
	$(BIN)/python editor/serve.py

test-fast: setup ## Run only the tests that need no trained model
	$(BIN)/pytest -m "not slow"

lint: setup ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: setup ## Run the benchmarks under bench/ (prints tables, writes bench/results/*.json); the cluster one: make bench-cluster
	$(BIN)/python -m bench.search_bench
	$(BIN)/python -m bench.conversation_bench
	$(BIN)/python -m bench.family_bench
	$(BIN)/python -m bench.latency_bench
	$(BIN)/python -m bench.growth_bench
	$(BIN)/python -m bench.encoder_bench
	$(BIN)/python -m bench.languages_bench
	$(BIN)/python -m bench.report_bench

bench-cluster: setup cluster-deps ## Cluster benchmark (minutes): 1 vs 2 Rasa servers, 50 conversations, one server killed
	$(BIN)/python -m bench.cluster_bench

validate: setup ## Check the offers YAML files
	$(BIN)/lotse offers validate

sync: setup ## Load the offers YAML files into the database
	$(BIN)/lotse offers sync

clean: ## Remove the venv, models, database and caches
	rm -rf $(VENV) models var results .pytest_cache .mypy_cache .ruff_cache
