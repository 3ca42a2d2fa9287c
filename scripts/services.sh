#!/usr/bin/env bash
# Makes PostgreSQL and Redis available for the demo or the tests, prepares the database roles and
# the database of that mode, and writes the resulting environment to tmp/<mode>.env.
#
#   bash scripts/services.sh demo|test        prepare, then print where the env file is
#   source scripts/services.sh demo|test      the same, and export the env into this shell
#
# DATABASE_URL (with DATABASE_OWNER_URL) and REDIS_URL, when set, are used as they are: nothing is
# installed or started for that service; the script only checks that it answers.
set -euo pipefail

IVKS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IVKS_PG_HOST=127.0.0.1
IVKS_PG_PORT=5432
IVKS_REDIS_HOST=127.0.0.1
IVKS_REDIS_PORT=6379

ivks_say() { printf '[services] %s\n' "$*" >&2; }

ivks_die() {
  printf '\n[services] ERROR: %s\n\n' "$*" >&2
  exit 1
}

ivks_have() { command -v "$1" >/dev/null 2>&1; }

ivks_is_root() { [[ "$(id -u)" -eq 0 ]]; }

ivks_is_debian() { [[ -f /etc/debian_version ]] && ivks_have apt-get; }

# apt-get update runs at most once per invocation, and never while another apt holds the lock.
ivks_apt_updated=0
ivks_apt_install() {
  local waited=0
  while pgrep -x apt-get >/dev/null 2>&1 || pgrep -x apt >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1; do
    if ((waited == 0)); then
      ivks_say "another apt or dpkg is running; waiting for it to finish"
    fi
    if ((waited >= 600)); then
      ivks_die "apt has been busy for 10 minutes; install $* by hand and run this again."
    fi
    sleep 5
    waited=$((waited + 5))
  done
  if ((ivks_apt_updated == 0)); then
    ivks_say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    ivks_apt_updated=1
  fi
  ivks_say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Polls a check command until it succeeds or the timeout (seconds) passes.
ivks_wait_for() {
  local timeout="$1"
  shift
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 0.5
  done
}

ivks_random_secret() {
  head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n'
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------

# A URL's answer, whether or not psql is installed (the node fallback needs node_modules).
ivks_pg_url_answers() {
  local url="$1"
  if ivks_have psql; then
    psql "$url" -XAtqc 'SELECT 1' >/dev/null 2>&1
  elif [[ -d "$IVKS_ROOT/node_modules/pg" ]]; then
    (cd "$IVKS_ROOT" && PG_CHECK_URL="$url" node -e '
      const { Client } = require("pg");
      const client = new Client({ connectionString: process.env.PG_CHECK_URL, connectionTimeoutMillis: 3000 });
      client.connect().then(() => client.end()).then(() => process.exit(0), () => process.exit(1));
    ') >/dev/null 2>&1
  else
    return 1
  fi
}

ivks_pg_local_answers() {
  if ivks_have pg_isready; then
    pg_isready -q -h "$IVKS_PG_HOST" -p "$IVKS_PG_PORT" -t 2
  else
    (exec 3<>"/dev/tcp/$IVKS_PG_HOST/$IVKS_PG_PORT") 2>/dev/null
  fi
}

# Debian keeps its server binaries under /usr/lib/postgresql/<version>/bin.
ivks_pg_installed() {
  ivks_have pg_ctlcluster || ivks_have pg_ctl || compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

ivks_pg_start() {
  if ivks_have pg_ctlcluster && [[ -d /etc/postgresql ]]; then
    local conf version cluster started=0
    for conf in /etc/postgresql/*/*/postgresql.conf; do
      [[ -f "$conf" ]] || continue
      cluster="$(basename "$(dirname "$conf")")"
      version="$(basename "$(dirname "$(dirname "$conf")")")"
      ivks_say "starting PostgreSQL cluster $version/$cluster"
      if ivks_is_root || [[ "$(id -un)" == postgres ]]; then
        pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
      else
        ivks_die "PostgreSQL is installed but not running, and starting it needs root. Run:
  sudo pg_ctlcluster --skip-systemctl-redirect $version $cluster start"
      fi
      started=1
    done
    if ((started == 0)); then
      ivks_die "PostgreSQL is installed but has no cluster in /etc/postgresql. Create one with:
  pg_createcluster 15 main --start"
    fi
  elif ivks_have pg_ctl && [[ -n "${PGDATA:-}" && -f "${PGDATA}/PG_VERSION" ]]; then
    ivks_say "starting PostgreSQL from PGDATA=$PGDATA"
    pg_ctl -D "$PGDATA" -l "$PGDATA/server.log" -w start >&2
  else
    ivks_die "PostgreSQL is installed but not answering on $IVKS_PG_HOST:$IVKS_PG_PORT, and this script
only knows how to start a Debian cluster (pg_ctlcluster) or a data directory named by PGDATA.
Start it with your system's service manager (for example: brew services start postgresql@15,
or systemctl start postgresql), or set DATABASE_URL and DATABASE_OWNER_URL to a server you run."
  fi
}

ivks_pg_ensure_local() {
  if ivks_pg_local_answers; then
    return 0
  fi
  if ! ivks_pg_installed; then
    if ivks_is_root && ivks_is_debian; then
      ivks_say "PostgreSQL is not installed; installing Debian's postgresql package"
      ivks_apt_install postgresql postgresql-client
    else
      ivks_die "PostgreSQL is not installed. Install PostgreSQL 15 or later listening on $IVKS_PG_HOST:$IVKS_PG_PORT
(Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql@15),
or set DATABASE_URL and DATABASE_OWNER_URL to a server you run. Running this script as root on
Debian installs it for you."
    fi
  fi
  ivks_pg_start
  ivks_wait_for 30 ivks_pg_local_answers ||
    ivks_die "PostgreSQL did not answer on $IVKS_PG_HOST:$IVKS_PG_PORT within 30 seconds after starting.
Its log is under /var/log/postgresql/ on Debian."
  ivks_say "PostgreSQL answers on $IVKS_PG_HOST:$IVKS_PG_PORT"
}

# Picks one way to run psql as the superuser: TCP with trust auth, then the local socket as the
# postgres system user (peer auth, as a fresh Debian install has), then the socket as ourselves.
ivks_superuser_mode=''
ivks_pick_superuser() {
  ivks_have psql || ivks_die "psql is missing. Install the PostgreSQL client (Debian: apt-get install postgresql-client)."
  if psql -h "$IVKS_PG_HOST" -p "$IVKS_PG_PORT" -U postgres -d postgres -XAtqc 'SELECT 1' >/dev/null 2>&1; then
    ivks_superuser_mode=tcp
  elif ivks_is_root && ivks_have runuser &&
    runuser -u postgres -- psql -p "$IVKS_PG_PORT" -d postgres -XAtqc 'SELECT 1' >/dev/null 2>&1; then
    ivks_superuser_mode=runuser
  elif ivks_is_root && su postgres -s /bin/sh -c "psql -p $IVKS_PG_PORT -d postgres -XAtqc 'SELECT 1'" >/dev/null 2>&1; then
    ivks_superuser_mode=su
  elif [[ "$(psql -p "$IVKS_PG_PORT" -d postgres -XAtqc 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user' 2>/dev/null)" == t ]]; then
    ivks_superuser_mode=socket
  else
    ivks_die "Cannot connect to PostgreSQL as a superuser to create the ivks roles and databases.
Tried: psql -h $IVKS_PG_HOST -U postgres, the postgres system user over the socket, and the
current user. Create them once by hand (see docs/operations.md, 'Database roles'), then set
DATABASE_URL and DATABASE_OWNER_URL."
  fi
}

# Runs SQL from stdin as the superuser in the given database.
ivks_superuser_psql() {
  local database="$1"
  case "$ivks_superuser_mode" in
    tcp) psql -h "$IVKS_PG_HOST" -p "$IVKS_PG_PORT" -U postgres -d "$database" -XAtq -v ON_ERROR_STOP=1 ;;
    runuser) runuser -u postgres -- psql -p "$IVKS_PG_PORT" -d "$database" -XAtq -v ON_ERROR_STOP=1 ;;
    su) su postgres -s /bin/sh -c "psql -p $IVKS_PG_PORT -d $database -XAtq -v ON_ERROR_STOP=1" ;;
    socket) psql -p "$IVKS_PG_PORT" -d "$database" -XAtq -v ON_ERROR_STOP=1 ;;
  esac
}

# Creates or corrects the two roles, and the database of this mode with its public schema.
ivks_pg_prepare() {
  local database="$1"
  ivks_pick_superuser

  ivks_superuser_psql postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ivks_owner') THEN
    CREATE ROLE ivks_owner;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ivks_app') THEN
    CREATE ROLE ivks_app;
  END IF;
END
\$\$;
ALTER ROLE ivks_owner LOGIN NOSUPERUSER BYPASSRLS NOCREATEROLE;
ALTER ROLE ivks_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
SELECT format('CREATE DATABASE %I OWNER ivks_owner', '$database')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$database')
\gexec
ALTER DATABASE "$database" OWNER TO ivks_owner;
REVOKE ALL ON DATABASE "$database" FROM PUBLIC;
GRANT CONNECT ON DATABASE "$database" TO ivks_app;
SQL

  ivks_superuser_psql "$database" <<SQL
ALTER SCHEMA public OWNER TO ivks_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
  ivks_say "roles ivks_owner and ivks_app and database $database are in place"
}

# Trust auth needs no password. A cluster that asks for one (scram-sha-256 on 127.0.0.1, as a
# fresh Debian install has) gets a password per machine, kept in the gitignored tmp/ folder.
ivks_pg_role_password=''
ivks_pg_choose_password() {
  local database="$1"
  if psql "postgres://ivks_app@$IVKS_PG_HOST:$IVKS_PG_PORT/$database" -XAtqc 'SELECT 1' >/dev/null 2>&1 &&
    psql "postgres://ivks_owner@$IVKS_PG_HOST:$IVKS_PG_PORT/$database" -XAtqc 'SELECT 1' >/dev/null 2>&1; then
    return 0
  fi
  local file="$IVKS_ROOT/tmp/db-password"
  if [[ ! -s "$file" ]]; then
    (umask 077 && ivks_random_secret >"$file")
  fi
  ivks_pg_role_password="$(cat "$file")"
  ivks_superuser_psql postgres <<SQL
ALTER ROLE ivks_owner PASSWORD '$ivks_pg_role_password';
ALTER ROLE ivks_app PASSWORD '$ivks_pg_role_password';
SQL
  if ! psql "postgres://ivks_app:$ivks_pg_role_password@$IVKS_PG_HOST:$IVKS_PG_PORT/$database" -XAtqc 'SELECT 1' >/dev/null 2>&1; then
    ivks_die "ivks_app cannot sign in to $database on $IVKS_PG_HOST:$IVKS_PG_PORT, with or without a password.
Check pg_hba.conf: it needs a 'host' line for 127.0.0.1/32 with trust or scram-sha-256."
  fi
  ivks_say "this cluster asks for passwords; the ivks roles use the one in tmp/db-password"
}

# ---------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------

ivks_redis_url_answers() {
  local url="$1"
  if ivks_have redis-cli; then
    [[ "$(redis-cli -u "$url" ping 2>/dev/null)" == PONG ]]
  elif [[ -d "$IVKS_ROOT/node_modules/ioredis" ]]; then
    (cd "$IVKS_ROOT" && REDIS_CHECK_URL="$url" node -e '
      const Redis = require("ioredis");
      const redis = new Redis(process.env.REDIS_CHECK_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      redis.connect().then(() => redis.ping()).then(() => { redis.disconnect(); process.exit(0); }, () => process.exit(1));
    ') >/dev/null 2>&1
  else
    return 1
  fi
}

ivks_redis_local_answers() {
  ivks_redis_url_answers "redis://$IVKS_REDIS_HOST:$IVKS_REDIS_PORT"
}

ivks_redis_start() {
  local dir=/var/lib/redis logfile=/var/log/redis/ci.log
  if ! { mkdir -p "$dir" /var/log/redis && [[ -w "$dir" && -w /var/log/redis ]]; } 2>/dev/null; then
    # Not root: keep Redis's working files inside the repository's gitignored tmp/.
    dir="$IVKS_ROOT/tmp/redis"
    logfile="$dir/redis.log"
    mkdir -p "$dir"
  fi
  ivks_say "starting redis-server on $IVKS_REDIS_HOST:$IVKS_REDIS_PORT (log: $logfile)"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$IVKS_REDIS_PORT" --save "" --appendonly no \
    --dir "$dir" --logfile "$logfile" >&2 ||
    redis-server --daemonize yes --bind 127.0.0.1 --port "$IVKS_REDIS_PORT" --save "" --appendonly no \
      --dir "$dir" --logfile "$logfile" >&2
}

ivks_redis_ensure_local() {
  if ivks_redis_local_answers; then
    return 0
  fi
  if ! ivks_have redis-server; then
    if ivks_is_root && ivks_is_debian; then
      ivks_say "Redis is not installed; installing Debian's redis-server package"
      ivks_apt_install redis-server redis-tools
      # The package may have started its own service; only start one if nothing answers.
      if ivks_wait_for 5 ivks_redis_local_answers; then
        ivks_say "Redis answers on $IVKS_REDIS_HOST:$IVKS_REDIS_PORT"
        return 0
      fi
    else
      ivks_die "Redis is not installed. Install Redis 7 listening on $IVKS_REDIS_HOST:$IVKS_REDIS_PORT
(Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis),
or set REDIS_URL to a server you run. Running this script as root on Debian installs it for you."
    fi
  fi
  ivks_redis_start
  ivks_wait_for 15 ivks_redis_local_answers ||
    ivks_die "Redis did not answer on $IVKS_REDIS_HOST:$IVKS_REDIS_PORT within 15 seconds after starting."
  ivks_say "Redis answers on $IVKS_REDIS_HOST:$IVKS_REDIS_PORT"
}

# ---------------------------------------------------------------------------------------------
# Chromium for the end-to-end tests
# ---------------------------------------------------------------------------------------------

# The e2e tests drive Debian's Chromium; a test tool's own browser download is never used.
ivks_ensure_chromium() {
  local browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ -x "$browser" ]]; then
    return 0
  fi
  # An install started by someone else may still be running: wait for it rather than racing it.
  if pgrep -x apt-get >/dev/null 2>&1 || pgrep -x apt >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1; then
    ivks_say "apt is busy; waiting for it before checking for Chromium"
    ivks_wait_for 900 bash -c '! pgrep -x apt-get && ! pgrep -x apt && ! pgrep -x dpkg' || true
    [[ -x "$browser" ]] && return 0
  fi
  if [[ -z "${CHROMIUM_PATH:-}" ]] && ivks_is_root && ivks_is_debian; then
    ivks_say "Chromium is not installed; installing Debian's chromium package"
    ivks_apt_install chromium
    [[ -x "$browser" ]] && return 0
  fi
  ivks_die "The end-to-end tests need Chromium at $browser.
Install it (Debian: sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome
binary. Running as root on Debian installs it for you."
}

# ---------------------------------------------------------------------------------------------
# The environment of a mode
# ---------------------------------------------------------------------------------------------

ivks_env_file() { printf '%s/tmp/%s.env\n' "$IVKS_ROOT" "$1"; }

# The demo keeps one JWT secret per machine so its sessions survive a restart; tests get a new one.
ivks_jwt_secret() {
  local mode="$1" file="$IVKS_ROOT/tmp/demo.jwt-secret"
  if [[ "$mode" == test ]]; then
    ivks_random_secret
    return
  fi
  if [[ ! -s "$file" ]]; then
    (umask 077 && ivks_random_secret >"$file")
  fi
  cat "$file"
}

ivks_services() {
  local mode="${1:-}"
  case "$mode" in
    demo) local redis_db=0 node_env=development smtp_port="${MAIL_CATCHER_SMTP_PORT:-1025}" ;;
    test) local redis_db=1 node_env=test smtp_port="${MAIL_CATCHER_SMTP_PORT:-1125}" ;;
    *) ivks_die "usage: scripts/services.sh demo|test" ;;
  esac
  local database="ivks_$mode"
  mkdir -p "$IVKS_ROOT/tmp"

  local database_url owner_url redis_url
  if [[ -n "${DATABASE_URL:-}" ]]; then
    [[ -n "${DATABASE_OWNER_URL:-}" ]] ||
      ivks_die "DATABASE_URL is set but DATABASE_OWNER_URL is not. Set both: DATABASE_URL for the
application role (ivks_app) and DATABASE_OWNER_URL for the role that owns the schema (ivks_owner)."
    ivks_say "using DATABASE_URL and DATABASE_OWNER_URL from the environment (nothing installed or started)"
    ivks_pg_url_answers "$DATABASE_URL" ||
      ivks_die "DATABASE_URL does not answer. Check that the server is running and the URL is right."
    ivks_pg_url_answers "$DATABASE_OWNER_URL" ||
      ivks_die "DATABASE_OWNER_URL does not answer. Check that the server is running and the URL is right."
    database_url="$DATABASE_URL"
    owner_url="$DATABASE_OWNER_URL"
  else
    ivks_pg_ensure_local
    ivks_pg_prepare "$database"
    ivks_pg_choose_password "$database"
    local credentials_app=ivks_app credentials_owner=ivks_owner
    if [[ -n "$ivks_pg_role_password" ]]; then
      credentials_app="ivks_app:$ivks_pg_role_password"
      credentials_owner="ivks_owner:$ivks_pg_role_password"
    fi
    database_url="postgres://$credentials_app@$IVKS_PG_HOST:$IVKS_PG_PORT/$database"
    owner_url="postgres://$credentials_owner@$IVKS_PG_HOST:$IVKS_PG_PORT/$database"
  fi

  if [[ -n "${REDIS_URL:-}" ]]; then
    ivks_say "using REDIS_URL from the environment (nothing installed or started)"
    ivks_redis_url_answers "$REDIS_URL" ||
      ivks_die "REDIS_URL does not answer a PING. Check that the server is running and the URL is right."
    redis_url="$REDIS_URL"
  else
    ivks_redis_ensure_local
    redis_url="redis://$IVKS_REDIS_HOST:$IVKS_REDIS_PORT/$redis_db"
  fi

  local file
  file="$(ivks_env_file "$mode")"
  (
    umask 077
    cat >"$file" <<ENV
# Written by scripts/services.sh $mode; rewritten on every run. Not committed (tmp/ is ignored).
NODE_ENV=$node_env
DATABASE_URL=$database_url
DATABASE_OWNER_URL=$owner_url
REDIS_URL=$redis_url
JWT_SECRET=$(ivks_jwt_secret "$mode")
# The local mail catcher (tools/mail-catcher) that demo.sh and e2e.sh start on this port.
SMTP_URL=${SMTP_URL:-smtp://127.0.0.1:$smtp_port}
ENV
  )
  ivks_say "$mode environment written to ${file#"$IVKS_ROOT"/}"
}

# Exports the variables of a mode's env file into the current shell.
ivks_load_env() {
  local file
  file="$(ivks_env_file "$1")"
  [[ -f "$file" ]] || ivks_die "$file is missing; run scripts/services.sh $1 first."
  set -a
  # shellcheck source=/dev/null
  . "$file"
  set +a
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  ivks_services "${1:-}"
elif [[ $# -gt 0 ]]; then
  ivks_services "$1"
  ivks_load_env "$1"
fi
