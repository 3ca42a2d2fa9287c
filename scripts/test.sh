#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR/..
# What `npm test` and CI run: formatting, lint, type checks, unit tests, integration tests against
# the real PostgreSQL and Redis (test database and Redis db 1), then the end-to-end tests in
# Chromium.
# Stops at the first step that fails and names it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/common.sh

step=''
started_at=$SECONDS
report_failure() {
  local status=$?
  if ((status != 0)); then
    printf '\n\033[1;31mFAILED at: %s\033[0m (exit %s)\n' "${step:-setup}" "$status" >&2
  fi
}
trap report_failure EXIT

run_step() {
  step="$1"
  shift
  ivks_section "$step"
  local began=$SECONDS
  "$@"
  printf '    %s: passed in %ss\n' "$step" "$((SECONDS - began))"
}

step='install'
ivks_ensure_node_modules

step='services'
ivks_section "services (test mode)"
. scripts/services.sh test
ivks_ensure_chromium

run_step 'format' npx prettier --check .
run_step 'lint' npx nx run-many -t lint
run_step 'typecheck' npx nx run-many -t typecheck
run_step 'unit tests' npx nx run-many -t test
# The integration specs load the libraries as built; a cached typecheck restores no output.
run_step 'build' env NODE_ENV=production npx nx run-many -t build
run_step 'integration tests' npx jest -c tests/integration/jest.config.cjs --runInBand
run_step 'end-to-end tests' bash scripts/e2e.sh

step=''
printf '\n\033[1;32mAll checks passed\033[0m in %ss: format, lint, typecheck, unit, build, integration, end-to-end.\n' \
  "$((SECONDS - started_at))"
