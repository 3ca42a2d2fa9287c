-- Owners and admins end the sessions of someone they deactivate, so they may see and revoke the
-- sessions of their own clinic. The token hashes they could read open nothing.

CREATE POLICY sessions_admins_read ON sessions FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_role() IN ('owner', 'admin'));
CREATE POLICY sessions_admins_revoke ON sessions FOR UPDATE
  USING (clinic_id = app_clinic_id() AND app_role() IN ('owner', 'admin'));
