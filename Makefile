# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test lint format bench serve screenshots clean
N      ?= 2

# (Re)create the virtualenv when it is missing or older than pyproject.toml.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/streamlit run dashboard.py --server.port $(PORT)

test: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# N Streamlit processes behind HAProxy on $(PORT), cookie-sticky (needs: apt-get install haproxy)
serve: $(BIN)/.installed
	$(BIN)/python deploy/serve.py --processes $(N) --port $(PORT)

# every page at every size (1280×720, 1024×768, 1920×1080, 390×844) in both languages,
# PNGs in tests/browser/screenshots/ (make test checks two pages at those sizes)
screenshots: $(BIN)/.installed
	ALL_SIZES=1 $(BIN)/python -m pytest tests/browser/test_sizes.py tests/browser/test_browser.py -k "size or every_page"

bench: $(BIN)/.installed
	$(BIN)/python bench/bench_core.py
	$(BIN)/python bench/bench_expression.py
	$(BIN)/python bench/bench_race.py
	$(BIN)/python bench/bench_pages.py
	$(BIN)/python bench/bench_load.py --ttl-wait 130
	$(BIN)/python bench/bench_browser.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/browser/screenshots
