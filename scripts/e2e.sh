#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR/..
# End-to-end tests: builds everything, migrates and seeds the TEST database, starts the API,
# worker, patient app and dashboard on their own ports (so a running demo is left alone), runs
# Playwright in Debian's Chromium, and stops whatever it started, however it ends.
#
# Ports: API_PORT (3100), PATIENT_PORT (4210), DASHBOARD_PORT (4310).
# Extra arguments go to Playwright, e.g. `npm run test:e2e -- --grep dashboard`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/common.sh
. scripts/services.sh test
ivks_ensure_chromium

API_PORT="${E2E_API_PORT:-${API_PORT:-3100}}"
PATIENT_PORT="${E2E_PATIENT_PORT:-${PATIENT_PORT:-4210}}"
DASHBOARD_PORT="${E2E_DASHBOARD_PORT:-${DASHBOARD_PORT:-4310}}"
API_URL="http://127.0.0.1:$API_PORT"
export API_PORT PATIENT_PORT DASHBOARD_PORT API_URL
export PATIENT_URL="http://127.0.0.1:$PATIENT_PORT"
export DASHBOARD_URL="http://127.0.0.1:$DASHBOARD_PORT"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
export IVKS_LOG_PREFIX=e2e

trap ivks_stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ivks_require_free_ports "$API_PORT" "$PATIENT_PORT" "$DASHBOARD_PORT"

ivks_section "e2e: build"
NODE_ENV=production npx nx run-many -t build
ivks_require_build_outputs

ivks_section "e2e: migrate and seed the test database"
node apps/api/dist/cli/migrate.js
node apps/api/dist/cli/seed-demo.js

ivks_section "e2e: start API, worker, patient app and dashboard"
ivks_start api node apps/api/dist/main.js
ivks_start worker node apps/worker/dist/main.js
# --bypass-lock: Vite refuses a second preview of the same app, but a demo and an e2e run on
# other ports may rightly share a checkout.
ivks_start patient node_modules/.bin/vite preview apps/patient --port "$PATIENT_PORT" --strictPort --bypass-lock
ivks_start dashboard node_modules/.bin/vite preview apps/dashboard --port "$DASHBOARD_PORT" --strictPort --bypass-lock
ivks_wait_http api "$API_URL/api/health/ready"
ivks_wait_http patient "$PATIENT_URL/"
ivks_wait_http dashboard "$DASHBOARD_URL/"

ivks_section "e2e: Playwright in $CHROMIUM_PATH"
npx playwright test -c tests/e2e/playwright.config.ts "$@"
