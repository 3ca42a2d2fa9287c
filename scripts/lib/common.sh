# Helpers shared by scripts/test.sh, e2e.sh, demo.sh and bench.sh. Sourced, never run.
# shellcheck shell=bash

IVKS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
IVKS_LOG_DIR="$IVKS_ROOT/tmp/logs"

ivks_section() {
  printf '\n\033[1m==> %s\033[0m\n' "$*"
}

ivks_fail() {
  printf '\n\033[1;31mFAILED:\033[0m %s\n' "$*" >&2
  exit 1
}

# npm ci when node_modules is missing or older than package-lock.json (npm writes
# node_modules/.package-lock.json last on every install).
ivks_ensure_node_modules() {
  local marker="$IVKS_ROOT/node_modules/.package-lock.json"
  if [[ -f "$marker" && ! "$IVKS_ROOT/package-lock.json" -nt "$marker" ]]; then
    return 0
  fi
  ivks_section "npm ci (node_modules is missing or older than package-lock.json)"
  (cd "$IVKS_ROOT" && npm ci --no-audit --no-fund)
}

# Whether something already listens on a local TCP port.
ivks_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

ivks_require_free_ports() {
  local port
  for port in "$@"; do
    if ivks_port_busy "$port"; then
      ivks_fail "port $port is already in use on 127.0.0.1 (another demo or test run?).
Stop what is using it (ss -ltnp 'sport = :$port' shows it), or choose other ports with
API_PORT, PATIENT_PORT and DASHBOARD_PORT."
    fi
  done
}

# Background processes started by this script: name, pid and log file, in start order.
IVKS_NAMES=()
IVKS_PIDS=()
IVKS_LOGS=()

# ivks_start NAME COMMAND... — runs COMMAND in its own process group (so that stopping it also
# stops anything it spawned), with stdout and stderr in tmp/logs/<prefix>-<name>.log.
ivks_start() {
  local name="$1"
  shift
  mkdir -p "$IVKS_LOG_DIR"
  local log="$IVKS_LOG_DIR/${IVKS_LOG_PREFIX:-run}-$name.log"
  : >"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  IVKS_NAMES+=("$name")
  IVKS_PIDS+=("$!")
  IVKS_LOGS+=("$log")
  printf '    started %-10s pid %-7s log %s\n' "$name" "$!" "${log#"$IVKS_ROOT"/}"
}

ivks_show_log_tail() {
  local index="$1"
  printf '\n--- last lines of %s ---\n' "${IVKS_LOGS[$index]#"$IVKS_ROOT"/}" >&2
  tail -n 40 "${IVKS_LOGS[$index]}" >&2 || true
  printf -- '--- end of %s ---\n' "${IVKS_NAMES[$index]}" >&2
}

# Stops everything ivks_start started, newest first: SIGTERM to each process group, up to
# 15 seconds for a graceful exit, then SIGKILL. Safe to call more than once.
ivks_stop_all() {
  local index pid
  ((${#IVKS_PIDS[@]} > 0)) || return 0
  for ((index = ${#IVKS_PIDS[@]} - 1; index >= 0; index--)); do
    pid="${IVKS_PIDS[$index]}"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 15))
  for ((index = ${#IVKS_PIDS[@]} - 1; index >= 0; index--)); do
    pid="${IVKS_PIDS[$index]}"
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      printf '    %s did not stop within 15 s; killing it\n' "${IVKS_NAMES[$index]}" >&2
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  IVKS_NAMES=()
  IVKS_PIDS=()
  IVKS_LOGS=()
}

# The index of the first started process that has exited, or nothing.
ivks_first_exited() {
  local index
  for index in "${!IVKS_PIDS[@]}"; do
    if ! kill -0 "${IVKS_PIDS[$index]}" 2>/dev/null; then
      printf '%s\n' "$index"
      return 0
    fi
  done
}

# ivks_wait_http NAME URL [SECONDS] — waits for a 2xx from URL, and gives up early, showing its
# log, if the process called NAME has exited.
ivks_wait_http() {
  local name="$1" url="$2" timeout="${3:-90}"
  local deadline=$((SECONDS + timeout)) exited
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    exited="$(ivks_first_exited)"
    if [[ -n "$exited" ]]; then
      ivks_show_log_tail "$exited"
      ivks_fail "${IVKS_NAMES[$exited]} exited before $name answered at $url."
    fi
    if ((SECONDS >= deadline)); then
      local index
      for index in "${!IVKS_NAMES[@]}"; do
        [[ "${IVKS_NAMES[$index]}" == "$name" ]] && ivks_show_log_tail "$index"
      done
      ivks_fail "$name did not answer at $url within $timeout seconds."
    fi
    sleep 0.5
  done
  printf '    %-10s ready at %s\n' "$name" "$url"
}

# Paths every start script checks after the build, so a missing output is named plainly.
ivks_require_build_outputs() {
  local path
  for path in apps/api/dist/main.js apps/api/dist/cli/migrate.js apps/api/dist/cli/seed-demo.js \
    apps/worker/dist/main.js apps/patient/dist/index.html apps/dashboard/dist/index.html \
    tools/mail-catcher/dist/main.js; do
    [[ -f "$IVKS_ROOT/$path" ]] || ivks_fail "the build did not produce $path."
  done
}
