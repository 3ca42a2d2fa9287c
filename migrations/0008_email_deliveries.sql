-- One row per email the portal sends: who it went to, what kind it was and how its delivery
-- went. The body is never stored; it can carry a one-time link.

CREATE TABLE email_deliveries (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN (
    'email_verification', 'staff_invitation', 'patient_invitation', 'password_reset',
    'security_notice', 'reminder'
  )),
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text CHECK (length(last_error) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  failed_at timestamptz,
  PRIMARY KEY (clinic_id, id)
);
CREATE INDEX email_deliveries_clinic_status_idx ON email_deliveries (clinic_id, status, created_at);

ALTER TABLE email_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_deliveries FORCE ROW LEVEL SECURITY;
-- Any unit of work in the clinic may queue an email (a patient's own password change sends a
-- notice); only admins and the worker read them back, and only the worker records the outcome.
CREATE POLICY email_deliveries_queue ON email_deliveries FOR INSERT
  WITH CHECK (clinic_id = app_clinic_id() AND status = 'queued');
CREATE POLICY email_deliveries_read ON email_deliveries FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_role() IN ('owner', 'admin', 'system'));
CREATE POLICY email_deliveries_outcome ON email_deliveries FOR UPDATE
  USING (clinic_id = app_clinic_id() AND app_role() = 'system');

GRANT SELECT, INSERT ON email_deliveries TO ivks_app;
GRANT UPDATE (status, attempts, last_error, sent_at, failed_at) ON email_deliveries TO ivks_app;
