# make run: set up .venv, index corpus/ and start the web app. make test: set up, test, eval gate.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --quiet --disable-pip-version-check
STAMP := $(VENV)/.installed
# no model hub here or in CI: fail fast instead of retrying, and no Gradio analytics lookups
OFFLINE := HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False

.PHONY: run test index evals evals-sweep clean distclean

run: index
	GRADIO_ANALYTICS_ENABLED=False $(PY) app.py

test: $(STAMP)
	$(OFFLINE) $(PY) -m pytest
	$(OFFLINE) $(PY) -m evals --gate

index: $(STAMP)
	$(PY) -m ingest corpus --index-dir .index

evals: $(STAMP)
	$(OFFLINE) $(PY) -m evals

# accuracy and latency with 0, 200 and 1000 look-alike documents (cold: ~25 min on 2 cores)
evals-sweep: $(STAMP)
	$(OFFLINE) $(PY) -m evals --sweep 0,200,1000 --name sweep

$(PY):
	$(PYTHON) -m venv $(VENV)

# torch first, pinned: an unpinned torch (pulled in by sentence-transformers) is a multi-GB CUDA build
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install torch==2.13.0
	$(PIP) install -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf .index .pytest_cache .ruff_cache build *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
