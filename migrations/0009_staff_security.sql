-- Owners and admins end the sessions of someone they deactivate, so they may see and revoke the
-- sessions of their own clinic. The token hashes they could read open nothing.

CREATE POLICY sessions_admins_read ON sessions FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_role() IN ('owner', 'admin'));
CREATE POLICY sessions_admins_revoke ON sessions FOR UPDATE
  USING (clinic_id = app_clinic_id() AND app_role() IN ('owner', 'admin'));

-- Whether every staff member must sign in with a second factor. Clinics that sign up from now on
-- start with it on; clinics that existed before keep working as they did until an admin turns it on.
ALTER TABLE clinics ADD COLUMN mfa_required boolean NOT NULL DEFAULT false;
