#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR/..
# What `npm run bench` runs: the clinician's patient list through the API against a bare
# Fastify + pg handler doing the same read under the same tenant context, on the test database.
# Then 100,000 reminders scheduled through ReminderScheduler against a plain BullMQ addBulk.
# The benchmark itself is tests/load/src/run.ts; extra arguments go to it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/common.sh

ivks_ensure_node_modules

ivks_section "services (test mode)"
. scripts/services.sh test
export LOG_LEVEL="${LOG_LEVEL:-warn}"

ivks_section "build"
NODE_ENV=production npx nx run-many -t build
ivks_require_build_outputs

ivks_section "migrate and seed the test database"
node apps/api/dist/cli/migrate.js
node apps/api/dist/cli/seed-demo.js

ivks_section "benchmarks: patient list, then scheduling 100,000 reminders"
node tests/load/dist/run.js "$@"
