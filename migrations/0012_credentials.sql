-- Credentials beyond the password: password reset tokens, and a staff member's second factor
-- (an authenticator app's TOTP secret and one-time recovery codes).

-- A reset is asked for by email before any clinic is known, and a user belongs to every clinic
-- they are a member of, so reset tokens are not clinic rows. The application role has no grant
-- on the table: it reaches it only through the functions below, which run as the owner.
CREATE TABLE password_resets (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CHECK (expires_at > created_at AND expires_at <= created_at + interval '1 hour')
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;

-- Records a reset for the account with this email, if there is one, and returns its user; returns
-- null for an unknown email. The database's clock sets the expiry, capped at one hour.
CREATE FUNCTION auth_create_password_reset(
  p_email text, p_reset_id uuid, p_token_hash bytea, p_valid_for interval
) RETURNS uuid
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    INSERT INTO password_resets (id, user_id, token_hash, expires_at)
    SELECT p_reset_id, u.id, p_token_hash, now() + least(p_valid_for, interval '1 hour')
    FROM users u WHERE u.email = lower(p_email)
    RETURNING user_id
  $$;

-- What the confirm step needs to judge a presented token; the caller compares the hash.
CREATE FUNCTION auth_find_password_reset(p_reset_id uuid)
  RETURNS TABLE (user_id uuid, token_hash bytea, expires_at timestamptz, used_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT user_id, token_hash, expires_at, used_at FROM password_resets WHERE id = p_reset_id $$;

-- Spends the reset and sets the new password in one statement, so that of two uses of the same
-- token only one succeeds. Every other unused reset of the account is spent with it.
CREATE FUNCTION auth_use_password_reset(p_reset_id uuid, p_password_hash text)
  RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_user_id uuid;
  BEGIN
    UPDATE password_resets SET used_at = now()
    WHERE id = p_reset_id AND used_at IS NULL AND expires_at > now()
    RETURNING user_id INTO v_user_id;
    IF v_user_id IS NULL THEN
      RETURN NULL;
    END IF;
    UPDATE password_resets SET used_at = now() WHERE user_id = v_user_id AND used_at IS NULL;
    UPDATE users SET password_hash = p_password_hash, updated_at = now() WHERE id = v_user_id;
    RETURN v_user_id;
  END
  $$;

REVOKE ALL ON FUNCTION auth_create_password_reset(text, uuid, bytea, interval) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth_find_password_reset(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth_use_password_reset(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_create_password_reset(text, uuid, bytea, interval) TO ivks_app;
GRANT EXECUTE ON FUNCTION auth_find_password_reset(uuid) TO ivks_app;
GRANT EXECUTE ON FUNCTION auth_use_password_reset(uuid, text) TO ivks_app;

-- A staff member's authenticator, per membership: the secret is sealed with the clinic's data
-- key, so it is a clinic row. Until confirmed_at is set the enrolment is only started.
-- last_time_step is the TOTP step last accepted, so a code cannot be used twice. Only the staff
-- member reaches their own rows; the refresh, which runs before the role is known, reads them too.
CREATE TABLE staff_totp (
  clinic_id uuid NOT NULL,
  membership_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  secret_ciphertext bytea NOT NULL,
  key_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  last_time_step bigint,
  PRIMARY KEY (clinic_id, membership_id),
  FOREIGN KEY (clinic_id, membership_id) REFERENCES memberships (clinic_id, id),
  FOREIGN KEY (clinic_id, key_version) REFERENCES clinic_data_keys (clinic_id, version)
);
ALTER TABLE staff_totp ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_totp FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_totp_own ON staff_totp
  USING (clinic_id = app_clinic_id() AND user_id = app_user_id());
GRANT SELECT, INSERT, DELETE ON staff_totp TO ivks_app;
GRANT UPDATE (confirmed_at, last_time_step) ON staff_totp TO ivks_app;

-- Ten one-time codes for a lost authenticator; only a hash of each is kept.
CREATE TABLE staff_recovery_codes (
  clinic_id uuid NOT NULL,
  membership_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  code_hash bytea NOT NULL CHECK (octet_length(code_hash) = 32),
  used_at timestamptz,
  PRIMARY KEY (clinic_id, membership_id, id),
  FOREIGN KEY (clinic_id, membership_id) REFERENCES staff_totp (clinic_id, membership_id)
    ON DELETE CASCADE
);
ALTER TABLE staff_recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_recovery_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_recovery_codes_own ON staff_recovery_codes
  USING (clinic_id = app_clinic_id() AND user_id = app_user_id());
GRANT SELECT, INSERT, DELETE ON staff_recovery_codes TO ivks_app;
GRANT UPDATE (used_at) ON staff_recovery_codes TO ivks_app;
