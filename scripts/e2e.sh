#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR/..
# End-to-end tests: builds everything, migrates and seeds the TEST database, starts the API,
# worker, patient app and dashboard on their own ports (so a running demo is left alone), runs
# Playwright in Debian's Chromium, and stops whatever it started, however it ends.
#
# Ports: API_PORT (3100), PATIENT_PORT (4210), DASHBOARD_PORT (4310), and the mail catcher's
# E2E_MAIL_SMTP_PORT (1125) and E2E_MAIL_HTTP_PORT (1180), which follow API_PORT when unset.
# Extra arguments go to Playwright, e.g. `npm run test:e2e -- --grep dashboard`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/common.sh
. scripts/services.sh test
ivks_ensure_chromium

API_PORT="${E2E_API_PORT:-${API_PORT:-3100}}"
PATIENT_PORT="${E2E_PATIENT_PORT:-${PATIENT_PORT:-4210}}"
DASHBOARD_PORT="${E2E_DASHBOARD_PORT:-${DASHBOARD_PORT:-4310}}"
# The catcher's ports follow the API's (3100 gives 1125 and 1180), so that runs on other ports
# side by side do not collide.
MAIL_CATCHER_SMTP_PORT="${E2E_MAIL_SMTP_PORT:-$((API_PORT - 1975))}"
MAIL_CATCHER_HTTP_PORT="${E2E_MAIL_HTTP_PORT:-$((API_PORT - 1920))}"
API_URL="http://127.0.0.1:$API_PORT"
export API_PORT PATIENT_PORT DASHBOARD_PORT API_URL MAIL_CATCHER_SMTP_PORT MAIL_CATCHER_HTTP_PORT
# The API and the worker send to the catcher, and the specs read it (tests/e2e/support/mailbox.ts).
export SMTP_URL="smtp://127.0.0.1:$MAIL_CATCHER_SMTP_PORT"
export MAIL_CATCHER_URL="http://127.0.0.1:$MAIL_CATCHER_HTTP_PORT"
export PATIENT_URL="http://127.0.0.1:$PATIENT_PORT"
# Links in emails (invitations, resets) lead to the patient app under test.
export PATIENT_APP_URL="$PATIENT_URL"
export DASHBOARD_URL="http://127.0.0.1:$DASHBOARD_PORT"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
export IVKS_LOG_PREFIX=e2e

trap ivks_stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ivks_require_free_ports "$API_PORT" "$PATIENT_PORT" "$DASHBOARD_PORT" \
  "$MAIL_CATCHER_SMTP_PORT" "$MAIL_CATCHER_HTTP_PORT"

ivks_section "e2e: build"
NODE_ENV=production npx nx run-many -t build
ivks_require_build_outputs

ivks_section "e2e: empty, migrate and seed the test database"
# From nothing each time, so that what earlier runs left behind cannot push a demo record out of
# sight.
node apps/api/dist/cli/migrate.js --empty-first
node apps/api/dist/cli/seed-demo.js

ivks_section "e2e: start the mail catcher, API, worker, patient app and dashboard"
ivks_start mail node tools/mail-catcher/dist/main.js
ivks_wait_http mail "$MAIL_CATCHER_URL/api/messages"
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
