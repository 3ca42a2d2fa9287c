#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR/..
# What `npm run demo` runs: installs what is missing, builds, migrates and seeds the demo
# database, starts the API, worker, patient app and dashboard, prints where to sign in, and keeps
# running until Ctrl-C. Running it again refreshes the demo data; nothing is duplicated.
#
# Ports: API_PORT (3000), PATIENT_PORT (4200), DASHBOARD_PORT (4300), and the mail catcher's
# MAIL_CATCHER_SMTP_PORT (1025) and MAIL_CATCHER_HTTP_PORT (1080).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib/common.sh

API_PORT="${API_PORT:-3000}"
PATIENT_PORT="${PATIENT_PORT:-4200}"
DASHBOARD_PORT="${DASHBOARD_PORT:-4300}"
MAIL_CATCHER_SMTP_PORT="${MAIL_CATCHER_SMTP_PORT:-1025}"
MAIL_CATCHER_HTTP_PORT="${MAIL_CATCHER_HTTP_PORT:-1080}"
API_URL="http://127.0.0.1:$API_PORT"
export API_PORT PATIENT_PORT DASHBOARD_PORT API_URL MAIL_CATCHER_SMTP_PORT MAIL_CATCHER_HTTP_PORT
# Links in emails open the apps at the addresses printed at the end, on whatever ports they run.
export PATIENT_APP_URL="${PATIENT_APP_URL:-http://127.0.0.1:$PATIENT_PORT}"
export DASHBOARD_URL="${DASHBOARD_URL:-http://127.0.0.1:$DASHBOARD_PORT}"
export IVKS_LOG_PREFIX=demo
# The queue board's sign-in; a demo on a laptop needs no secret of its own.
export OPS_USERNAME="${OPS_USERNAME:-operator}"
export OPS_PASSWORD="${OPS_PASSWORD:-calm-harbour-operator}"

ivks_ensure_node_modules

ivks_section "services (demo mode)"
. scripts/services.sh demo
export LOG_LEVEL="${LOG_LEVEL:-info}"

ivks_require_free_ports "$API_PORT" "$PATIENT_PORT" "$DASHBOARD_PORT" \
  "$MAIL_CATCHER_SMTP_PORT" "$MAIL_CATCHER_HTTP_PORT"

ivks_section "build"
NODE_ENV=production npx nx run-many -t build
ivks_require_build_outputs

ivks_section "migrate and seed the demo database"
node apps/api/dist/cli/migrate.js
node apps/api/dist/cli/seed-demo.js

stopping=0
stop_demo() {
  ((stopping == 0)) || return 0
  stopping=1
  printf '\nStopping the demo...\n'
  ivks_stop_all
  printf 'Stopped. The demo data stays in the ivks_demo database for next time.\n'
}
trap stop_demo EXIT
trap 'exit 0' INT TERM

ivks_section "start the mail catcher, API, worker, patient app and dashboard"
ivks_start mail node tools/mail-catcher/dist/main.js
ivks_wait_http mail "http://127.0.0.1:$MAIL_CATCHER_HTTP_PORT/api/messages"
ivks_start api node apps/api/dist/main.js
ivks_start worker node apps/worker/dist/main.js
# --bypass-lock: Vite refuses a second preview of the same app, but a demo and an e2e run on
# other ports may rightly share a checkout.
ivks_start patient node_modules/.bin/vite preview apps/patient --port "$PATIENT_PORT" --strictPort --bypass-lock
ivks_start dashboard node_modules/.bin/vite preview apps/dashboard --port "$DASHBOARD_PORT" --strictPort --bypass-lock
ivks_wait_http api "$API_URL/api/health/ready"
ivks_wait_http patient "http://127.0.0.1:$PATIENT_PORT/"
ivks_wait_http dashboard "http://127.0.0.1:$DASHBOARD_PORT/"

cat <<BOX

+------------------------------------------------------------------------------------+
|  IV Ketamine Support: the demo is running                                          |
+------------------------------------------------------------------------------------+
   Patient app      http://127.0.0.1:$PATIENT_PORT
   Clinic dashboard http://127.0.0.1:$DASHBOARD_PORT
   API docs         http://127.0.0.1:$API_PORT/api/docs
   Emails           http://127.0.0.1:$MAIL_CATCHER_HTTP_PORT (every email the demo sends; none leave)
   Queue board      http://127.0.0.1:$API_PORT/ops/queues ($OPS_USERNAME / $OPS_PASSWORD)
   New clinic       http://127.0.0.1:$DASHBOARD_PORT/#/sign-up

   Password for every demo account:  calm-harbour-demo

   Harbourside Ketamine Clinic (America/New_York)
     dashboard   owner@harbourside.example      clinician@harbourside.example
     patient app maya@harbourside.example (mid-course)
                 daniel@harbourside.example (about to start)
                 priya@harbourside.example (finished)

   Juniper Wellness (America/Los_Angeles)
     dashboard   owner@juniper.example          clinician@juniper.example
     patient app sam@juniper.example  alex@juniper.example  jordan@juniper.example

   Logs: tmp/logs/demo-{api,worker,patient,dashboard,mail}.log
   Press Ctrl-C to stop.
+------------------------------------------------------------------------------------+
BOX

# Stay in the foreground; if any part stops on its own, say which and stop the rest.
while true; do
  wait -n "${IVKS_PIDS[@]}" 2>/dev/null || true
  exited="$(ivks_first_exited)"
  if [[ -n "$exited" ]]; then
    ivks_show_log_tail "$exited"
    printf '\n%s stopped unexpectedly; stopping the rest of the demo.\n' "${IVKS_NAMES[$exited]}" >&2
    exit 1
  fi
done
