-- Creates or corrects the two roles of IV Ketamine Support and its database, the same way
-- scripts/services.sh does for the demo and the tests. Run it with psql as a superuser; running it
-- again changes only what is not already right. docker/compose.yaml runs it on every `up`.
--
--   psql -X -v ON_ERROR_STOP=1 -v database=ivks \
--     -v owner_password=... -v app_password=... -f docker/postgres-init.sql
--
-- ivks_owner owns the schema and runs the migrations. It needs BYPASSRLS: the sign-in functions
-- run as the owner and read users before any clinic is known. ivks_app is what the API and the
-- worker connect as: it owns nothing, cannot bypass row-level security and gets its grants from
-- the migrations.
--
-- Use passwords of letters and digits only (for example `openssl rand -hex 32`): they go into
-- connection URLs unescaped.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ivks_owner') THEN
    CREATE ROLE ivks_owner;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ivks_app') THEN
    CREATE ROLE ivks_app;
  END IF;
END
$$;

ALTER ROLE ivks_owner LOGIN NOSUPERUSER BYPASSRLS NOCREATEROLE PASSWORD :'owner_password';
ALTER ROLE ivks_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_password';

SELECT format('CREATE DATABASE %I OWNER ivks_owner', :'database')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database')
\gexec

ALTER DATABASE :"database" OWNER TO ivks_owner;
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO ivks_app;

\connect :"database"

ALTER SCHEMA public OWNER TO ivks_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
