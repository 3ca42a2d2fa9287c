-- Clinics sign themselves up, and their owners and admins invite the rest of their staff.
--
-- A sign-up waits for its owner to follow the link in the verification email. Every email is
-- recorded in a clinic (email_deliveries), so the clinic row is made at once but stays pending
-- (activated_at NULL) and holds nothing else: no user, no membership, so nobody can sign in to
-- it. Following the link creates the owner's account and membership and activates the clinic.

ALTER TABLE clinics ADD COLUMN activated_at timestamptz DEFAULT now();

CREATE TABLE clinic_signups (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  owner_name text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 200),
  -- argon2id of the owner's chosen password; cleared once the account holds it.
  password_hash text,
  secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (clinic_id, id),
  CHECK ((completed_at IS NULL) = (password_hash IS NOT NULL))
);
-- A sign-up link names its row by id alone, before any clinic is known.
CREATE UNIQUE INDEX clinic_signups_id_key ON clinic_signups (id);
-- Signing up again with the same email replaces the open sign-up instead of adding a clinic.
CREATE UNIQUE INDEX clinic_signups_open_email_key ON clinic_signups (email)
  WHERE completed_at IS NULL;

-- The application role has no grant on sign-ups: it reaches them only through the functions
-- below. The policy keeps the table closed should a grant ever be added by mistake.
ALTER TABLE clinic_signups ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic_signups FORCE ROW LEVEL SECURITY;
CREATE POLICY clinic_signups_functions_only ON clinic_signups USING (false);

-- Starts a sign-up, or replaces the open one of the same email (its old link stops working).
-- An email that already has an account gets no clinic: the outcome says so, with a clinic the
-- account belongs to, where the notice sent to that address is recorded.
CREATE FUNCTION clinic_signup_begin(
  p_email text,
  p_clinic_name text,
  p_time_zone text,
  p_phone text,
  p_owner_name text,
  p_password_hash text,
  p_secret_hash bytea,
  p_expires_at timestamptz
)
  RETURNS TABLE (outcome text, clinic_id uuid, signup_id uuid)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_email text := lower(p_email);
    v_user uuid;
    v_clinic uuid;
    v_signup uuid;
  BEGIN
    SELECT u.id INTO v_user FROM users u WHERE u.email = v_email;
    IF FOUND THEN
      SELECT m.clinic_id INTO v_clinic FROM memberships m
        WHERE m.user_id = v_user
        ORDER BY m.deactivated_at IS NOT NULL, m.created_at
        LIMIT 1;
      RETURN QUERY SELECT 'account_exists'::text, v_clinic, NULL::uuid;
      RETURN;
    END IF;

    SELECT s.clinic_id, s.id INTO v_clinic, v_signup FROM clinic_signups s
      WHERE s.email = v_email AND s.completed_at IS NULL
      FOR UPDATE;
    IF FOUND THEN
      UPDATE clinics c SET name = p_clinic_name, time_zone = p_time_zone, phone = p_phone
        WHERE c.id = v_clinic;
      UPDATE clinic_signups s
        SET owner_name = p_owner_name, password_hash = p_password_hash,
            secret_hash = p_secret_hash, created_at = now(), expires_at = p_expires_at
        WHERE s.clinic_id = v_clinic AND s.id = v_signup;
    ELSE
      INSERT INTO clinics (name, time_zone, phone, mfa_required, activated_at)
        VALUES (p_clinic_name, p_time_zone, p_phone, true, NULL)
        RETURNING id INTO v_clinic;
      INSERT INTO clinic_signups
          (clinic_id, email, owner_name, password_hash, secret_hash, expires_at)
        VALUES (v_clinic, v_email, p_owner_name, p_password_hash, p_secret_hash, p_expires_at)
        RETURNING id INTO v_signup;
    END IF;

    RETURN QUERY SELECT 'pending'::text, v_clinic, v_signup;
  END
  $$;

-- Where a sign-up link stands: 'pending', 'expired' or 'completed'. No row: no such link, or a
-- link that a newer sign-up of the same email replaced.
CREATE FUNCTION clinic_signup_status(p_id uuid, p_secret_hash bytea)
  RETURNS TABLE (clinic_id uuid, status text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.clinic_id,
           CASE WHEN s.completed_at IS NOT NULL THEN 'completed'
                WHEN s.expires_at <= now() THEN 'expired'
                ELSE 'pending' END
    FROM clinic_signups s
    WHERE s.id = p_id AND s.secret_hash = p_secret_hash
  $$;

-- Completes a sign-up inside its clinic's context: creates the owner's account with the ids the
-- caller chose (so the same transaction can record the audit event as that owner), the owner
-- membership, and activates the clinic. The outcome is 'created', or why not.
CREATE FUNCTION clinic_signup_complete(
  p_id uuid,
  p_secret_hash bytea,
  p_user_id uuid,
  p_membership_id uuid
)
  RETURNS TABLE (outcome text, clinic_id uuid)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_signup clinic_signups%ROWTYPE;
  BEGIN
    SELECT * INTO v_signup FROM clinic_signups s
      WHERE s.id = p_id AND s.secret_hash = p_secret_hash AND s.clinic_id = app_clinic_id()
      FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'invalid'::text, NULL::uuid;
      RETURN;
    END IF;
    IF v_signup.completed_at IS NOT NULL THEN
      RETURN QUERY SELECT 'completed'::text, v_signup.clinic_id;
      RETURN;
    END IF;
    IF v_signup.expires_at <= now() THEN
      RETURN QUERY SELECT 'expired'::text, v_signup.clinic_id;
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM users u WHERE u.email = v_signup.email) THEN
      RETURN QUERY SELECT 'account_exists'::text, v_signup.clinic_id;
      RETURN;
    END IF;

    INSERT INTO users (id, email, password_hash)
      VALUES (p_user_id, v_signup.email, v_signup.password_hash);
    INSERT INTO memberships (clinic_id, id, user_id, role, display_name)
      VALUES (v_signup.clinic_id, p_membership_id, p_user_id, 'owner', v_signup.owner_name);
    UPDATE clinics c SET activated_at = now() WHERE c.id = v_signup.clinic_id;
    UPDATE clinic_signups s SET completed_at = now(), password_hash = NULL
      WHERE s.clinic_id = v_signup.clinic_id AND s.id = v_signup.id;

    RETURN QUERY SELECT 'created'::text, v_signup.clinic_id;
  END
  $$;

REVOKE ALL ON FUNCTION
  clinic_signup_begin(text, text, text, text, text, text, bytea, timestamptz),
  clinic_signup_status(uuid, bytea),
  clinic_signup_complete(uuid, bytea, uuid, uuid)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  clinic_signup_begin(text, text, text, text, text, text, bytea, timestamptz),
  clinic_signup_status(uuid, bytea),
  clinic_signup_complete(uuid, bytea, uuid, uuid)
  TO ivks_app;

-- Staff invitations. Owners and admins invite, resend and revoke; the invited person opens the
-- link without signing in, so opening and accepting go through the functions below.

CREATE TABLE staff_invitations (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('admin', 'clinician')),
  invited_by uuid REFERENCES users (id),
  secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  membership_id uuid,
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, membership_id) REFERENCES memberships (clinic_id, id),
  CHECK ((accepted_at IS NULL) = (membership_id IS NULL))
);
CREATE UNIQUE INDEX staff_invitations_id_key ON staff_invitations (id);
CREATE UNIQUE INDEX staff_invitations_open_email_key ON staff_invitations (clinic_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

ALTER TABLE staff_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_invitations_admins ON staff_invitations
  USING (clinic_id = app_clinic_id() AND app_role() IN ('owner', 'admin'));

GRANT SELECT, INSERT ON staff_invitations TO ivks_app;
GRANT UPDATE (secret_hash, sent_at, expires_at, revoked_at) ON staff_invitations TO ivks_app;

-- What the invitation page shows. No row: no such link, or one a resend replaced.
CREATE FUNCTION staff_invitation_open(p_id uuid, p_secret_hash bytea)
  RETURNS TABLE (
    clinic_id uuid,
    clinic_name text,
    email text,
    display_name text,
    role text,
    expires_at timestamptz,
    accepted_at timestamptz,
    revoked_at timestamptz,
    has_password boolean
  )
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT i.clinic_id, c.name, i.email, i.display_name, i.role, i.expires_at, i.accepted_at,
           i.revoked_at,
           EXISTS (SELECT 1 FROM users u WHERE u.email = i.email AND u.password_hash IS NOT NULL)
    FROM staff_invitations i JOIN clinics c ON c.id = i.clinic_id
    WHERE i.id = p_id AND i.secret_hash = p_secret_hash
  $$;

-- Accepts an invitation inside its clinic's context. A new email gets an account with the id
-- and password hash the caller gives; an account with no password yet gets that password; an
-- account with a password must be the caller's p_user_id, whose password the caller checked.
-- The outcome is 'accepted', or why not.
CREATE FUNCTION staff_invitation_accept(
  p_id uuid,
  p_secret_hash bytea,
  p_user_id uuid,
  p_password_hash text,
  p_membership_id uuid
)
  RETURNS TABLE (outcome text, user_id uuid, role text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_invitation staff_invitations%ROWTYPE;
    v_user users%ROWTYPE;
  BEGIN
    SELECT * INTO v_invitation FROM staff_invitations i
      WHERE i.id = p_id AND i.secret_hash = p_secret_hash AND i.clinic_id = app_clinic_id()
      FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::text;
      RETURN;
    END IF;
    IF v_invitation.accepted_at IS NOT NULL THEN
      RETURN QUERY SELECT 'accepted'::text, NULL::uuid, v_invitation.role;
      RETURN;
    END IF;
    IF v_invitation.revoked_at IS NOT NULL THEN
      RETURN QUERY SELECT 'revoked'::text, NULL::uuid, v_invitation.role;
      RETURN;
    END IF;
    IF v_invitation.expires_at <= now() THEN
      RETURN QUERY SELECT 'expired'::text, NULL::uuid, v_invitation.role;
      RETURN;
    END IF;

    SELECT * INTO v_user FROM users u WHERE u.email = v_invitation.email FOR UPDATE;
    IF NOT FOUND THEN
      IF p_password_hash IS NULL THEN
        RETURN QUERY SELECT 'password_required'::text, NULL::uuid, v_invitation.role;
        RETURN;
      END IF;
      INSERT INTO users (id, email, password_hash)
        VALUES (p_user_id, v_invitation.email, p_password_hash);
    ELSIF v_user.password_hash IS NULL THEN
      IF p_password_hash IS NULL OR v_user.id <> p_user_id THEN
        RETURN QUERY SELECT 'password_required'::text, NULL::uuid, v_invitation.role;
        RETURN;
      END IF;
      UPDATE users u SET password_hash = p_password_hash, updated_at = now()
        WHERE u.id = v_user.id;
    ELSIF v_user.id <> p_user_id OR p_password_hash IS NOT NULL THEN
      RETURN QUERY SELECT 'account_changed'::text, NULL::uuid, v_invitation.role;
      RETURN;
    END IF;

    IF EXISTS (
      SELECT 1 FROM memberships m
      WHERE m.clinic_id = v_invitation.clinic_id AND m.user_id = p_user_id
    ) THEN
      RETURN QUERY SELECT 'already_member'::text, p_user_id, v_invitation.role;
      RETURN;
    END IF;

    INSERT INTO memberships (clinic_id, id, user_id, role, display_name)
      VALUES (v_invitation.clinic_id, p_membership_id, p_user_id, v_invitation.role,
              v_invitation.display_name);
    UPDATE staff_invitations i SET accepted_at = now(), membership_id = p_membership_id
      WHERE i.clinic_id = v_invitation.clinic_id AND i.id = v_invitation.id;

    RETURN QUERY SELECT 'accepted'::text, p_user_id, v_invitation.role;
  END
  $$;

-- Gives an expired invitation (never accepted, never revoked) a new secret and expiry, for the
-- invited person who asks for a fresh link. No row: nothing to renew.
CREATE FUNCTION staff_invitation_renew(
  p_id uuid,
  p_secret_hash bytea,
  p_new_secret_hash bytea,
  p_expires_at timestamptz
)
  RETURNS TABLE (clinic_id uuid, clinic_name text, email text, display_name text, role text)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE staff_invitations i
      SET secret_hash = p_new_secret_hash, sent_at = now(), expires_at = p_expires_at
      FROM clinics c
      WHERE c.id = i.clinic_id AND i.id = p_id AND i.secret_hash = p_secret_hash
        AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= now()
      RETURNING i.clinic_id, c.name, i.email, i.display_name, i.role
  $$;

REVOKE ALL ON FUNCTION
  staff_invitation_open(uuid, bytea),
  staff_invitation_accept(uuid, bytea, uuid, text, uuid),
  staff_invitation_renew(uuid, bytea, bytea, timestamptz)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  staff_invitation_open(uuid, bytea),
  staff_invitation_accept(uuid, bytea, uuid, text, uuid),
  staff_invitation_renew(uuid, bytea, bytea, timestamptz)
  TO ivks_app;
