-- Reminders and the patient's notifications.
--
-- The database is the source of truth for what is to be sent: a reminder occurrence is one
-- message about one subject (an infusion, an assignment), with a stable identity, the time it is
-- due and a version that changes whenever what it was computed from changes. A queued job names
-- an occurrence and a version; the worker sends only the current version, once, and only while
-- the occurrence is pending. Redis holds nothing the database does not: a sweep re-queues what
-- is due from here.

CREATE TABLE reminder_occurrences (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN (
    'infusion_day_before', 'infusion_morning', 'assignment_due', 'journal_prompt'
  )),
  -- The infusion or assignment the reminder is about; which table depends on the kind.
  subject_id uuid NOT NULL,
  -- Which reminder of that kind about that subject; every kind has one today ('once').
  slot text NOT NULL CHECK (slot ~ '^[a-z0-9-]{1,40}$'),
  patient_id uuid NOT NULL,
  due_at timestamptz NOT NULL,
  -- Grows by one whenever the fingerprint (a digest of the inputs) changes.
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  fingerprint text NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 100),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dropped', 'failed')),
  -- Why it was dropped or failed, as a short code such as 'infusion_cancelled'.
  outcome text CHECK (length(outcome) <= 60),
  email_delivery_id uuid,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id),
  UNIQUE (clinic_id, kind, subject_id, slot),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  CHECK (status <> 'sent' OR sent_at IS NOT NULL)
);
CREATE INDEX reminder_occurrences_pending_due_idx ON reminder_occurrences (clinic_id, due_at)
  WHERE status = 'pending';
CREATE INDEX reminder_occurrences_sent_idx ON reminder_occurrences (clinic_id, sent_at)
  WHERE status = 'sent';

ALTER TABLE reminder_occurrences ENABLE ROW LEVEL SECURITY;
ALTER TABLE reminder_occurrences FORCE ROW LEVEL SECURITY;
-- Staff schedule reminders as they plan infusions and assignments, each for the patients they
-- see (a clinician, their care team's); the worker sends them. Patients never see the schedule
-- itself, only the notifications it leads to.
CREATE POLICY reminder_occurrences_staff ON reminder_occurrences
  USING (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
  )
  WITH CHECK (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
  );

GRANT SELECT, INSERT ON reminder_occurrences TO ivks_app;
GRANT UPDATE (due_at, version, fingerprint, status, outcome, email_delivery_id, sent_at, updated_at)
  ON reminder_occurrences TO ivks_app;

-- How a patient wants to hear from the portal. A patient without a row has the defaults.
CREATE TABLE notification_preferences (
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  email_enabled boolean NOT NULL DEFAULT true,
  in_app_enabled boolean NOT NULL DEFAULT true,
  -- Local wall-clock times in the patient's zone; the window may run over midnight.
  quiet_hours_start text NOT NULL DEFAULT '21:00'
    CHECK (quiet_hours_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  quiet_hours_end text NOT NULL DEFAULT '08:00'
    CHECK (quiet_hours_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, patient_id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id)
);

ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preferences FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_preferences_staff_read ON notification_preferences FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
  );
CREATE POLICY notification_preferences_patient ON notification_preferences
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  )
  WITH CHECK (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  );

GRANT SELECT, INSERT ON notification_preferences TO ivks_app;
GRANT UPDATE (email_enabled, in_app_enabled, quiet_hours_start, quiet_hours_end, updated_at)
  ON notification_preferences TO ivks_app;

-- What the patient sees under the bell in the portal. Only the worker writes them, one per
-- occurrence and version, so a reminder sent twice cannot show twice.
CREATE TABLE notifications (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN (
    'infusion_day_before', 'infusion_morning', 'assignment_due', 'journal_prompt'
  )),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
  -- A path inside the patient app, such as /today.
  link text NOT NULL CHECK (link ~ '^/[A-Za-z0-9/_-]*$' AND length(link) <= 200),
  occurrence_id uuid NOT NULL,
  occurrence_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (clinic_id, id),
  UNIQUE (clinic_id, occurrence_id, occurrence_version),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, occurrence_id) REFERENCES reminder_occurrences (clinic_id, id)
);
CREATE INDEX notifications_clinic_patient_time_idx
  ON notifications (clinic_id, patient_id, created_at DESC);
CREATE INDEX notifications_clinic_patient_unread_idx
  ON notifications (clinic_id, patient_id) WHERE read_at IS NULL;

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_patient_read ON notifications FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  );
CREATE POLICY notifications_patient_mark_read ON notifications FOR UPDATE
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  );
CREATE POLICY notifications_staff_read ON notifications FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND (app_sees_every_patient() OR patient_id IN (SELECT app_care_team_patients()))
  );
CREATE POLICY notifications_system_insert ON notifications FOR INSERT
  WITH CHECK (clinic_id = app_clinic_id() AND app_role() = 'system');

GRANT SELECT, INSERT ON notifications TO ivks_app;
GRANT UPDATE (read_at) ON notifications TO ivks_app;

-- The sweep runs before a clinic is known: it asks which clinics have reminders due by
-- p_until, or sent reminders whose email is still waiting, and then works inside each clinic
-- under that clinic's policies. It returns clinic ids and nothing else.
CREATE FUNCTION reminder_sweep_clinics(p_until timestamptz, p_sent_since timestamptz)
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT clinic_id FROM reminder_occurrences
      WHERE status = 'pending' AND due_at <= p_until
    UNION
    SELECT o.clinic_id
      FROM reminder_occurrences o
      JOIN email_deliveries d ON d.clinic_id = o.clinic_id AND d.id = o.email_delivery_id
      WHERE o.status = 'sent' AND o.sent_at >= p_sent_since AND d.status = 'queued'
  $$;
REVOKE ALL ON FUNCTION reminder_sweep_clinics(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reminder_sweep_clinics(timestamptz, timestamptz) TO ivks_app;
