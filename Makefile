# Two commands for a fresh machine: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000

.PHONY: run test test-postgres browser bench-smoke setup system-packages translations makemessages lint demo totp serve-production

## run: install, migrate, load the demo content and serve http://127.0.0.1:$(PORT)
run: setup translations
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) createcachetable
	DEBUG=1 $(MANAGE) load_demo
	@echo ""
	@echo "The site is at http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:$(PORT)

## test: install and run the whole test suite (browser and accessibility tests included)
test: setup translations browser
	$(BIN)/ruff check .
	$(BIN)/pytest -m "not e2e"
	# Browser tests run against a live server and empty the database after each test, so
	# they get a test database of their own, after the rest of the suite.
	$(BIN)/pytest -m e2e

## test-postgres: the same suite against a local PostgreSQL server (installed when missing)
test-postgres: setup translations
	./scripts/test-postgres.sh

setup: $(VENV)/.installed system-packages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

## system-packages: Debian packages the platform uses (gettext for the translation catalogues)
system-packages:
	@./scripts/install-system-packages.sh

## browser: Debian's chromium and axe-core for the browser and accessibility tests
browser:
	@./scripts/install-browser.sh

## bench-smoke: a short load run against the production server with its write-integrity check
bench-smoke: setup translations
	$(BIN)/python bench/load_benchmark.py --smoke

translations: setup
	$(MANAGE) compilemessages --ignore=.venv --ignore=var --ignore=node_modules --settings=typ_site.settings_test -v0

## makemessages: refresh the fi and sv catalogues of every app after changing UI strings
makemessages: setup
	for dir in site knowledge forums calendar_app search; do \
		(cd $$dir && ../$(BIN)/django-admin makemessages -l fi -l sv -l en --no-obsolete \
			--ignore='migrations/*' --settings=typ_site.settings_test -v0) ; \
	done

lint: setup
	$(BIN)/ruff check .

demo: setup
	DEBUG=1 $(MANAGE) load_demo

## totp: the current two-step verification code of the demo editors and admins
totp: setup
	@DEBUG=1 $(MANAGE) demo_totp
