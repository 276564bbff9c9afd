# The two commands a user needs: `make demo` and `make test`. Everything else is for developers.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test model bench fuzz clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/lagebild build examples/korridor --db out/demo.db
	$(BIN)/lagebild report --db out/demo.db -o out/demo.html
	@echo "Dossier: $(CURDIR)/out/demo.html  (database: $(CURDIR)/out/demo.db)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

model: $(STAMP)
	$(BIN)/pip install -q -c constraints.txt -e ".[test,train]"
	$(BIN)/python -m lagebild.training all --full --self-train --config training/joint_flags.cfg

bench: $(STAMP)
	$(BIN)/pip install -q -c constraints.txt -e ".[test,bench]"
	for b in benchmarks/bench_*.py benchmarks/krauts_eval.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py --n 100000 --jobs 2 --out out/fuzz

clean:
	rm -rf $(VENV) out
