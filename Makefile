# make run: set up .venv, index corpus/ and start the web app. make test: set up, test, eval gate.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --quiet --disable-pip-version-check
STAMP := $(VENV)/.installed
# no model hub here or in CI: fail fast instead of retrying, and no Gradio analytics lookups
OFFLINE := HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False

.PHONY: run test test-fast index evals evals-suites evals-reading evals-reading-samples evals-sweep clean distclean

# eval suites on other corpora (evals/suites/<name>/: corpus/, dataset.jsonl, thresholds.toml);
# report-paraphrases asks new questions about corpus/ itself
SUITES := report-paraphrases newenergy-tea-park health-tourism-school manufacturing-plan


run: index
	GRADIO_ANALYTICS_ENABLED=False $(PY) app.py

test: $(STAMP)
	$(OFFLINE) $(PY) -m pytest
	$(OFFLINE) $(PY) -m evals --gate
	$(MAKE) --no-print-directory evals-suites
	$(MAKE) --no-print-directory evals-reading-samples

# unit tests of the answering stages on literal strings: no index, no model, seconds
test-fast: $(STAMP)
	$(OFFLINE) $(PY) -m pytest -q tests/test_span.py tests/test_stages.py tests/test_offline_stages.py tests/test_check_rules.py tests/test_wordlists.py tests/test_abbreviation.py

index: $(STAMP)
	$(PY) -m ingest corpus --index-dir .index

evals: $(STAMP)
	$(OFFLINE) $(PY) -m evals

evals-suites: $(STAMP)
	@set -e; for s in $(SUITES); do \
	  corpus=$$([ $$s = report-paraphrases ] && echo corpus || echo evals/suites/$$s/corpus); \
	  echo "== suite $$s"; \
	  $(OFFLINE) $(PY) -m evals --quiet --no-baselines --gate --corpus $$corpus \
	    --dataset evals/suites/$$s/dataset.jsonl --thresholds evals/suites/$$s/thresholds.toml \
	    --name suite-$$s; \
	done

# reading comprehension on data written by others (evals/suites/*-sample: CMRC 2018, DRCD)
READING := cmrc-sample drcd-sample
SHARED_DATA ?= ../shared/data

evals-reading-samples: $(STAMP)
	@set -e; for s in $(READING); do echo "== reading $$s"; \
	  $(OFFLINE) $(PY) -m evals reading --quiet --gate --data evals/suites/$$s/sample.json --name $$s; \
	done

# the full sets: CMRC 2018 trial (1,002 questions) and DRCD dev (3,524), from SHARED_DATA
evals-reading: $(STAMP)
	$(OFFLINE) $(PY) -m evals reading --data $(SHARED_DATA)/cmrc2018_trial.json --name cmrc-full
	$(OFFLINE) $(PY) -m evals reading --data $(SHARED_DATA)/drcd_dev.json --name drcd-full

# accuracy and latency with 0, 200 and 1000 look-alike documents (cold: ~25 min on 2 cores)
evals-sweep: $(STAMP)
	$(OFFLINE) $(PY) -m evals --sweep 0,200,1000 --name sweep

$(PY):
	$(PYTHON) -m venv $(VENV)

# torch first, pinned: an unpinned torch (pulled in by sentence-transformers) is a multi-GB CUDA build
# constraints.txt: the versions the last green CI ran on, so a new upstream release cannot break it
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PIP) install torch==2.13.0
	$(PIP) install -c constraints.txt -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf .index .pytest_cache .ruff_cache build *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
