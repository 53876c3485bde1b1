# Every target sets itself up on a fresh machine: venvs, pip and npm packages.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPEC := spec/friendli.yaml
CONFIG := spec/gen.yaml
OUT := generated
BASE ?= HEAD

.PHONY: all setup generate check test lint bench bench-peers bench-regen sdk-install tools clean corpus changes

all: test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

generate: $(STAMP)
	$(BIN)/sdkgen generate $(SPEC) --config $(CONFIG) --out $(OUT)

check: $(STAMP)
	$(BIN)/sdkgen check $(SPEC) --config $(CONFIG) --out $(OUT)

# The SDK's changes from the spec committed at $(BASE) to the working copy, and the bump they imply.
changes: $(STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	git show '$(BASE):$(SPEC)' > "$$tmp/$(notdir $(SPEC))" && \
	$(BIN)/sdkgen diff "$$tmp/$(notdir $(SPEC))" $(SPEC) --config $(CONFIG)

# The generated SDK, installed (not linked) into the dev venv, as users get it.
sdk-install: $(STAMP)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation --force-reinstall ./$(OUT)

# The reference SDK (friendli==0.12.1, its own venv) and the Prism mock server (npm).
tools: $(STAMP)
	$(BIN)/python tests/support/venvs.py reference >/dev/null
	bash tests/support/prism_install.sh >/dev/null

test: check sdk-install tools
	@$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure" >&2; exit 1; fi; exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy generator
	cd $(OUT) && ../$(BIN)/ruff check src
	cd $(OUT) && ../$(BIN)/mypy --strict src

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/peers.py

# Generation of four big documents by sdkgen and its two peers, side by side (about seven minutes).
bench-peers: $(STAMP)
	$(BIN)/python bench/peers.py

# The regeneration loop: a no-op check of generated/, and Stripe regenerated after one-line
# spec changes against a cold generation (about ten minutes).
bench-regen: $(STAMP)
	$(BIN)/python bench/regen.py

clean:
	rm -rf $(VENV) .venv-ref .bench .tools

corpus: $(STAMP)
	$(BIN)/python bench/corpus.py
