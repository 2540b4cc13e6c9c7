# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PY := .venv/bin/python
ARGS ?=
PYTEST_ARGS ?=

.PHONY: run test test-clock test-packaging dist setup lint screenshots translations clean

run:
	@scripts/setup.sh --gui
	@$(PY) main.py $(ARGS)

test:
	@scripts/setup.sh --test
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The whole suite again with the computer's clock moved (libfaketime moves Python's and
# SQLite's clocks alike): 400 days ahead, then on 29 February 2028. Nothing may depend on
# the real date; the services read "today" from the workspace (tests fix it).
test-clock:
	@scripts/setup.sh --test
	@faketime -f '+400d' env QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)
	@faketime -f '@2028-02-29 09:00:00' env QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The installs, built and run away from this checkout (CI, once): the wheel in a clean
# virtualenv, and the desktop build (make dist). Each prints its size and command times.
test-packaging:
	@scripts/setup.sh --test
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m packaging -rP $(PYTEST_ARGS) tests/packaging

# The one-folder desktop build: dist/vcs-desk/ (PyInstaller, packaging/vcs-desk.spec; the
# README says how to build it on Windows).
DISTPATH ?= dist
WORKPATH ?= build/pyinstaller
dist:
	@scripts/setup.sh
	@$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install -q -e ".[dist]"
	@$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath "$(DISTPATH)" \
		--workpath "$(WORKPATH)" packaging/vcs-desk.spec
	@echo "built $(DISTPATH)/vcs-desk/"

setup:
	@scripts/setup.sh --test

lint:
	@$(PY) -m ruff check .
	@$(PY) -m ruff format --check .
	@$(PY) ../shared/tools/check_layers.py

screenshots:
	@rm -f /tmp/vcs-docs.db /tmp/vcs-docs.db-wal /tmp/vcs-docs.db-shm
	@$(PY) main.py demo --db /tmp/vcs-docs.db --victims 300 --seed 1 --on 2026-11-26
	@$(PY) main.py screenshot --db /tmp/vcs-docs.db --out docs/caseload.png --view caseload
	@$(PY) main.py screenshot --db /tmp/vcs-docs.db --out docs/case.png --view case
	@QT_QPA_PLATFORM=offscreen $(PY) scripts/desk_screenshots.py

# Refresh the Welsh interface strings from the code (tr() calls), then compile the .qm
# the app loads. Translate new entries in resources/i18n/vcs_cy.ts (Qt Linguist or a
# text editor) before compiling again.
translations:
	@.venv/bin/pyside6-lupdate $$(find vcs_app/qt -name '*.py' | sort) -ts resources/i18n/vcs_cy.ts \
		-no-obsolete -locations none -target-language cy_GB
	@.venv/bin/pyside6-lrelease resources/i18n/vcs_cy.ts -qm resources/i18n/vcs_cy.qm
	@.venv/bin/pyside6-lrelease resources/i18n/qtbase_cy.ts -qm resources/i18n/qtbase_cy.qm

clean:
	rm -rf .venv .pytest_cache build dist
