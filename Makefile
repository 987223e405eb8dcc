# Two commands for a fresh machine: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
UV := $(BIN)/uv
# uv works on our .venv with the machine's Python, and never downloads a Python of its own.
UV_ENV := UV_PROJECT_ENVIRONMENT=$(VENV) UV_PYTHON=$(abspath $(BIN)/python) UV_PYTHON_DOWNLOADS=never
PORT ?= 8000

.PHONY: run fonts test test-postgres test-elasticsearch browser bench-smoke setup lock outdated mypy migrations-check check system-packages translations makemessages lint demo totp serve-production

## run: install, migrate, load the demo content and serve http://127.0.0.1:$(PORT) with the timed jobs
run: setup translations fonts
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) createcachetable
	SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" DEBUG=1 $(MANAGE) load_demo
	@echo ""
	@echo "The site is at http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	@# What production runs on timers (scheduled publishing, digests, the task queue) runs
	@# beside the server and stops with it.
	@# Links in e-mails lead to this server (SITE_URL), on whatever PORT it is given.
	export SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}"; \
	DEBUG=1 $(MANAGE) run_timers & timers=$$!; \
	trap 'kill $$timers 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:$(PORT)

## test: install and run the whole test suite (browser and accessibility tests included)
test: setup translations fonts browser
	$(BIN)/ruff check .
	$(BIN)/pytest -m "not e2e" -n 2
	# Browser tests run against a live server and empty the database after each test, so
	# they get a test database of their own, after the rest of the suite.
	$(BIN)/pytest -m e2e

## test-postgres: the same suite against a local PostgreSQL server (installed when missing)
test-postgres: setup translations fonts
	./scripts/test-postgres.sh $(PYTEST_ARGS)

## test-elasticsearch: the search contract and a rebuild under writes against the cluster at ELASTICSEARCH_URL
test-elasticsearch: setup translations
	@test -n "$$ELASTICSEARCH_URL" || { echo "Set ELASTICSEARCH_URL (and ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/PASSWORD, ELASTICSEARCH_CA_CERTS or ELASTICSEARCH_SSL_FINGERPRINT) first; see search/README.md."; exit 2; }
	# The backend's bodies and request sequences (no cluster needed), then the shared contract
	# (test_contract.py's elasticsearch parameter) and the live rebuild checks on the cluster.
	$(BIN)/pytest tests/search/test_elastic_definitions.py tests/search/test_elastic_requests.py -q
	$(BIN)/pytest tests/search -m elasticsearch -v $(PYTEST_ARGS)

## check: what a reviewer checks besides the tests: migrations, formatting, types
check: migrations-check lint mypy

## migrations-check: every model change has its migration
migrations-check: setup
	$(MANAGE) makemigrations --check --dry-run --settings=typ_site.settings_test

setup: $(VENV)/.installed system-packages

# The environment is installed from uv.lock and from nothing else: every package, transitive
# ones and our build backend included, at an exact version with its hashes. uv itself comes
# from scripts/uv-requirements.txt (pinned, hash-checked), which `make lock` writes from the lock.
$(VENV)/.installed: uv.lock pyproject.toml scripts/uv-requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(UV) || $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r scripts/uv-requirements.txt
	$(UV_ENV) $(UV) sync --locked --no-install-project
	$(UV_ENV) $(UV) sync --locked
	touch $@

## lock: refresh uv.lock on purpose (every package to its newest allowed version); commit it alone
lock: $(VENV)/.installed
	$(UV_ENV) $(UV) lock --upgrade
	./scripts/write-uv-requirements.sh
	@echo "uv.lock refreshed; review 'git diff uv.lock', run make test, commit the lock on its own."

## outdated: what the lock holds back (newer releases than the locked versions)
outdated: $(VENV)/.installed
	$(UV_ENV) $(UV) pip list --outdated --python $(BIN)/python

## system-packages: Debian packages the platform uses (gettext for the translation catalogues)
system-packages:
	@./scripts/install-system-packages.sh

## fonts: the site's typeface (Source Sans 3 from package-lock.json) into site/static/fonts/
fonts:
	@./scripts/install-fonts.sh

## browser: Debian's chromium and axe-core for the browser and accessibility tests
browser:
	@./scripts/install-browser.sh

## bench-smoke: a short load run against the production server with its write-integrity check
bench-smoke: setup translations fonts
	$(BIN)/python bench/load_benchmark.py --smoke

translations: setup
	$(MANAGE) compilemessages --ignore=.venv --ignore=var --ignore=node_modules --settings=typ_site.settings_test -v0

## makemessages: refresh the fi and sv catalogues of every app after changing UI strings
makemessages: setup
	for dir in site knowledge forums calendar_app search; do \
		(cd $$dir && ../$(BIN)/django-admin makemessages -l fi -l sv --no-obsolete \
			--ignore='migrations/*' --settings=typ_site.settings_test -v0) ; \
	done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

MYPY_PACKAGES := -p typ_site -p knowledge -p forums -p calendar_app -p search
# mypy does not run the editable install's import hook that maps site/ to typ_site, so it
# finds the package through a link; the error paths are written back as site/.
## mypy: type check; any error fails
mypy: setup
	mkdir -p $(VENV)/mypy && ln -sfn ../../site $(VENV)/mypy/typ_site
	$(BIN)/mypy $(MYPY_PACKAGES) > $(VENV)/mypy/report.txt; status=$$?; \
		sed 's#^$(VENV)/mypy/typ_site/#site/#' $(VENV)/mypy/report.txt; exit $$status

demo: setup
	DEBUG=1 $(MANAGE) load_demo

## totp: the current two-step verification code of the demo editors and admins
totp: setup
	@DEBUG=1 $(MANAGE) demo_totp
