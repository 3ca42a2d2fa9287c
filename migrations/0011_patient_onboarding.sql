-- Enrolling a patient: the invitation that lets them set up an account, and the rule that a
-- clinician sees only the patients on whose care team they are, while owners, admins and the
-- worker ('system') see every patient of the clinic.

-- Invitations. The link carries the row's id and a secret of which only a hash is kept. A new
-- invitation replaces the live one (revoked_reason 'resent'); discharging the patient ends it.
CREATE TABLE patient_invitations (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL,
  secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
  sent_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  revoked_reason text CHECK (revoked_reason IN ('resent', 'discharged')),
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  CHECK (expires_at > sent_at),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL)),
  CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
-- An invitation is opened by its id alone, before any clinic is known.
CREATE UNIQUE INDEX patient_invitations_id_key ON patient_invitations (id);
CREATE UNIQUE INDEX patient_invitations_one_live_idx ON patient_invitations (clinic_id, patient_id)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;
-- The patient list shows when the last invitation was sent.
CREATE INDEX patient_invitations_clinic_patient_sent_idx
  ON patient_invitations (clinic_id, patient_id, sent_at DESC);

-- The care-team rule.
--
-- Owners, admins and the worker see every patient of the clinic.
CREATE FUNCTION app_sees_every_patient() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(app_role() IN ('owner', 'admin', 'system'), false) $$;

-- The patients of the clinic on whose care team the signed-in clinician is. SECURITY DEFINER so
-- that the policy of care_team_members can use it without recursing into itself; it reads only
-- the caller's own clinic, user and role, so it tells nobody more than their own place on teams.
CREATE FUNCTION app_care_team_patients() RETURNS SETOF uuid
  LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.patient_id
    FROM care_team_members t
    JOIN memberships m ON m.clinic_id = t.clinic_id AND m.id = t.membership_id
    WHERE app_role() = 'clinician' AND t.clinic_id = app_clinic_id()
      AND m.user_id = app_user_id() AND m.deactivated_at IS NULL
  $$;

REVOKE ALL ON FUNCTION app_care_team_patients() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_care_team_patients() TO ivks_app;

-- Every staff policy on a patient's rows below says the same thing:
--   clinic_id = app_clinic_id()
--   AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
-- It is spelled out in each policy rather than wrapped in one boolean function because
-- PostgreSQL does not inline a SQL function that holds a subquery: called for each row (and for
-- each of a patient's infusions) it measured about thirty times slower on the patient list. Left
-- in the policy, the uncorrelated IN (SELECT ...) runs once per statement and is hashed, so the
-- patient list stays one indexed query whatever the size of the clinic.

DROP POLICY patients_clinic ON patients;
CREATE POLICY patients_staff ON patients
  USING (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR id IN (SELECT app_care_team_patients()))
  );
-- A clinician enrols a patient before they are on the new patient's care team.
CREATE POLICY patients_staff_enrol ON patients FOR INSERT
  WITH CHECK (clinic_id = app_clinic_id() AND app_has_clinic_access());

DROP POLICY infusions_clinic ON infusions;
CREATE POLICY infusions_staff ON infusions
  USING (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
  );

DROP POLICY assignments_clinic ON assignments;
CREATE POLICY assignments_staff ON assignments
  USING (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
  );

DROP POLICY assignment_checklist_ticks_clinic_read ON assignment_checklist_ticks;
CREATE POLICY assignment_checklist_ticks_staff_read ON assignment_checklist_ticks FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND app_has_clinic_access()
    AND assignment_id IN (
      SELECT a.id FROM assignments a
      WHERE a.clinic_id = app_clinic_id()
        AND (app_sees_every_patient() OR a.patient_id IN (SELECT app_care_team_patients()))
    )
  );

DROP POLICY infusion_readiness_clinic_read ON infusion_readiness;
CREATE POLICY infusion_readiness_staff_read ON infusion_readiness FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
  );

DROP POLICY care_team_members_clinic ON care_team_members;
CREATE POLICY care_team_members_staff ON care_team_members
  USING (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
  );
-- The clinician who enrols a patient puts themselves on the team first, which is what lets
-- them see the patient and add the rest of the team.
CREATE POLICY care_team_members_join ON care_team_members FOR INSERT
  WITH CHECK (
    clinic_id = app_clinic_id()
    AND app_role() = 'clinician'
    AND membership_id IN (
      SELECT m.id FROM memberships m
      WHERE m.clinic_id = app_clinic_id() AND m.user_id = app_user_id()
        AND m.deactivated_at IS NULL
    )
  );

ALTER TABLE patient_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE patient_invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY patient_invitations_staff ON patient_invitations
  USING (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
  );

GRANT SELECT, INSERT ON patient_invitations TO ivks_app;
GRANT UPDATE (accepted_at, revoked_at, revoked_reason) ON patient_invitations TO ivks_app;

-- Opening an invitation happens without sign-in. This function runs as the owner and returns
-- only what the invitation page and its answers need, for the one invitation whose secret
-- matches. The status says what the link can still do: an invitation whose patient has an
-- account by now counts as accepted, and one whose patient was discharged as revoked.
CREATE FUNCTION patient_invitation_lookup(p_invitation uuid, p_secret_hash bytea)
  RETURNS TABLE (
    clinic_id uuid,
    patient_id uuid,
    clinic_name text,
    given_name text,
    family_name text,
    email text,
    status text,
    revoked_reason text
  )
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT i.clinic_id, i.patient_id, c.name, p.given_name, p.family_name, p.email,
           CASE
             WHEN i.accepted_at IS NOT NULL OR p.user_id IS NOT NULL THEN 'accepted'
             WHEN i.revoked_at IS NOT NULL OR p.status = 'discharged' THEN 'revoked'
             WHEN i.expires_at <= now() THEN 'expired'
             ELSE 'pending'
           END,
           CASE WHEN p.status = 'discharged' THEN 'discharged' ELSE i.revoked_reason END
    FROM patient_invitations i
    JOIN patients p ON p.clinic_id = i.clinic_id AND p.id = i.patient_id
    JOIN clinics c ON c.id = i.clinic_id
    WHERE i.id = p_invitation AND i.secret_hash = p_secret_hash
  $$;

REVOKE ALL ON FUNCTION patient_invitation_lookup(uuid, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION patient_invitation_lookup(uuid, bytea) TO ivks_app;
