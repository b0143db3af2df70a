# The two commands a new user needs are `make run` and `make test` (see README).
.PHONY: run test check chat setup train validate cv bench scale-up scale-down scale-test clean

run:            ## set up everything, train if needed, start the assistant
	scripts/run.sh

test:           ## set up everything and run the whole test suite
	scripts/test.sh

check:          ## fast checks: ruff, mypy, unit tests (< 3 min; CI runs it first)
	scripts/check.sh

chat:           ## terminal chat with the running assistant; SHAPE=always|never|auto
	scripts/chat.sh --shape $(or $(SHAPE),auto)

setup:
	scripts/setup.sh

train:
	scripts/train_if_needed.sh

validate:
	.venv/bin/rasa data validate --fail-on-warnings

cv:             ## 5-fold cross-validation of the candidate NLU pipelines (slow)
	scripts/setup.sh && .venv/bin/python -m bench.nlu_cv

bench:          ## load benchmarks (single node, then the scaled stack); ~15 min
	scripts/setup.sh --test && bench/run_all.sh

scale-up:       ## PostgreSQL + Redis + nginx + two Rasa replicas + two action servers
	scripts/setup.sh --test && scripts/train_if_needed.sh && deploy/scale.sh up

scale-down:
	deploy/scale.sh down

clean:
	rm -rf models var/logs test-artifacts results
