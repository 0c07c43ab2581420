# coopportal: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: install run test lint check messages bench mutation clean

# The virtual environment is rebuilt only when the requirements change.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# The local demo: SQLite under var/ (unless DATABASE_URL says otherwise),
# administrative units, demo data and demo accounts, then the server.
run: install
	mkdir -p var
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_admin_units
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py create_demo_accounts
	@echo "The portal answers on http://127.0.0.1:$(PORT)/"
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Browser tests need Debian's chromium; as root it is installed here,
# otherwise they are skipped with a message saying how to get it.
test: install
	@if [ ! -x $(CHROMIUM) ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
	mkdir -p var/screenshots
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	DEBUG=1 $(BIN)/python manage.py check
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

# Needs GNU gettext (msgfmt); the compiled catalogues are committed.
messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages -l vi --no-obsolete --ignore=.venv --ignore=var
	DEBUG=1 $(BIN)/python manage.py compilemessages -l vi --ignore=.venv

# Mutation testing of the rules that decide figures (slow: an hour or more on
# two cores). Label strings are left alone; the hand-built tests run without the demo.
MUTATION_TESTS = tests/test_measures_by_hand.py tests/test_plan_progress.py tests/test_plan_area.py tests/test_plan_report.py
mutation: install
	$(BIN)/mutmut run --paths-to-mutate planning/measures.py,planning/progress.py \
		--disable-mutation-types string,fstring,decorator,annassign \
		--runner "env COOPPORTAL_TESTS_UNITS_ONLY=1 $(BIN)/python -m pytest -x -q -p no:cacheprovider $(MUTATION_TESTS)" || true
	$(BIN)/mutmut results

# The benchmark (never part of the tests): a national-scale registry in its
# own PostgreSQL database, then bench/results.md. wrk drives the load test.
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || true
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf var/staticfiles var/screenshots .pytest_cache
