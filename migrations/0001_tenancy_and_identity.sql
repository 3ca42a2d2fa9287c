-- Clinics are tenants. Every clinic-owned table carries clinic_id, leads its primary key and
-- foreign keys with it, and is guarded by row-level security that reads the clinic, user and
-- role from per-transaction settings (app.clinic_id, app.user_id, app.role). With no clinic
-- set, the application role sees no rows and can write none.
--
-- This file runs as the owner role. The application role (ivks_app) owns nothing and is
-- granted only the statements it needs.

CREATE FUNCTION app_clinic_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.clinic_id', true), '')::uuid $$;

CREATE FUNCTION app_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

CREATE FUNCTION app_role() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.role', true), '') $$;

-- Staff, and the worker acting for the clinic ('system'), see the whole clinic's records;
-- a patient sees only their own.
CREATE FUNCTION app_has_clinic_access() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(app_role() IN ('owner', 'admin', 'clinician', 'system'), false) $$;

CREATE TABLE clinics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone text NOT NULL,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE memberships (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'clinician', 'patient')),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  deactivated_at timestamptz,
  PRIMARY KEY (clinic_id, id),
  UNIQUE (clinic_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE patients (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid REFERENCES users (id),
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  email text NOT NULL CHECK (email = lower(email)),
  time_zone text NOT NULL,
  phone text,
  status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'active', 'discharged')),
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  discharged_at timestamptz,
  PRIMARY KEY (clinic_id, id),
  UNIQUE (clinic_id, email)
);
CREATE INDEX patients_clinic_family_name_idx ON patients (clinic_id, family_name, given_name);
CREATE INDEX patients_clinic_user_idx ON patients (clinic_id, user_id);

CREATE TABLE infusions (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL,
  scheduled_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 10 AND 480),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'completed', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id)
);
CREATE INDEX infusions_clinic_patient_time_idx ON infusions (clinic_id, patient_id, scheduled_at);
CREATE UNIQUE INDEX infusions_one_per_slot_idx ON infusions (clinic_id, patient_id, scheduled_at)
  WHERE status <> 'cancelled';

CREATE TABLE sessions (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  membership_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  family_id uuid NOT NULL,
  token_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  rotated_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, membership_id) REFERENCES memberships (clinic_id, id)
);
CREATE INDEX sessions_clinic_family_idx ON sessions (clinic_id, family_id);

-- Row-level security.

ALTER TABLE clinics ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinics FORCE ROW LEVEL SECURITY;
CREATE POLICY clinics_members_read ON clinics FOR SELECT USING (id = app_clinic_id());
CREATE POLICY clinics_admins_update ON clinics FOR UPDATE
  USING (id = app_clinic_id() AND app_role() IN ('owner', 'admin'));

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_self ON users USING (id = app_user_id());
CREATE POLICY users_clinic_read ON users FOR SELECT
  USING (app_has_clinic_access() AND id IN (SELECT user_id FROM memberships));

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY memberships_clinic ON memberships
  USING (clinic_id = app_clinic_id() AND app_has_clinic_access());
CREATE POLICY memberships_self_read ON memberships FOR SELECT
  USING (clinic_id = app_clinic_id() AND user_id = app_user_id());

ALTER TABLE patients ENABLE ROW LEVEL SECURITY;
ALTER TABLE patients FORCE ROW LEVEL SECURITY;
CREATE POLICY patients_clinic ON patients
  USING (clinic_id = app_clinic_id() AND app_has_clinic_access());
CREATE POLICY patients_self_read ON patients FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_role() = 'patient' AND user_id = app_user_id());

ALTER TABLE infusions ENABLE ROW LEVEL SECURITY;
ALTER TABLE infusions FORCE ROW LEVEL SECURITY;
CREATE POLICY infusions_clinic ON infusions
  USING (clinic_id = app_clinic_id() AND app_has_clinic_access());
CREATE POLICY infusions_patient_read ON infusions FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  );

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY sessions_own ON sessions
  USING (clinic_id = app_clinic_id() AND user_id = app_user_id());

-- Sign-in happens before a clinic is known. These two functions run as the owner and return
-- only what sign-in needs: the password hash of one email, and the clinics a user belongs to.

CREATE FUNCTION auth_find_user(p_email text)
  RETURNS TABLE (user_id uuid, password_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id, password_hash FROM users WHERE email = lower(p_email) $$;

CREATE FUNCTION auth_user_memberships(p_user_id uuid)
  RETURNS TABLE (clinic_id uuid, clinic_name text, membership_id uuid, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT c.id, c.name, m.id, m.role
    FROM memberships m JOIN clinics c ON c.id = m.clinic_id
    WHERE m.user_id = p_user_id AND m.deactivated_at IS NULL
    ORDER BY c.name
  $$;

REVOKE ALL ON FUNCTION auth_find_user(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth_user_memberships(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_user(text) TO ivks_app;
GRANT EXECUTE ON FUNCTION auth_user_memberships(uuid) TO ivks_app;

GRANT USAGE ON SCHEMA public TO ivks_app;
GRANT SELECT, UPDATE ON clinics TO ivks_app;
GRANT SELECT, UPDATE (password_hash, updated_at) ON users TO ivks_app;
GRANT INSERT ON users TO ivks_app;
GRANT SELECT, INSERT, UPDATE ON memberships, patients, infusions, sessions TO ivks_app;
