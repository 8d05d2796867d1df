# LayerLab: `make run` opens the app, `make test` runs the whole suite headless.
# Both create .venv on first use. TORCH picks the torch build to install when
# .venv has none yet (the CPU wheel on these machines; see README).

PYTHON ?= python3
VENV   ?= .venv
TORCH  ?= torch==2.13.0
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench screenshot clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	@$(BIN)/python editor/cli/qt_check.py  # the system libraries Qt needs on Linux: one sentence if one is missing
	$(BIN)/python main.py

test: $(STAMP)
	$(BIN)/ruff check editor tests bench main.py
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check editor tests bench main.py
	$(BIN)/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python main.py --screenshot out.png

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
