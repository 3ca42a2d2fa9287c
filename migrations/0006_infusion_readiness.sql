-- On infusion day the patient confirms they are ready: a ride home arranged, the clinic's
-- instructions followed, their chaperone briefed. One row per infusion, written by the patient
-- alone; the clinic's staff read them to see who is ready.

-- Lets a readiness row name its infusion and that infusion's patient together, so the two can
-- never disagree.
CREATE UNIQUE INDEX infusions_clinic_id_patient_key ON infusions (clinic_id, id, patient_id);

CREATE TABLE infusion_readiness (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  infusion_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  ride_arranged boolean NOT NULL,
  instructions_followed boolean NOT NULL,
  chaperone_briefed boolean NOT NULL,
  -- When all three answers last became true together; cleared when one is taken back.
  confirmed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id),
  UNIQUE (clinic_id, infusion_id),
  FOREIGN KEY (clinic_id, infusion_id, patient_id)
    REFERENCES infusions (clinic_id, id, patient_id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  CHECK (
    confirmed_at IS NULL OR (ride_arranged AND instructions_followed AND chaperone_briefed)
  )
);
CREATE INDEX infusion_readiness_clinic_patient_idx ON infusion_readiness (clinic_id, patient_id);

ALTER TABLE infusion_readiness ENABLE ROW LEVEL SECURITY;
ALTER TABLE infusion_readiness FORCE ROW LEVEL SECURITY;
CREATE POLICY infusion_readiness_clinic_read ON infusion_readiness FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_has_clinic_access());
CREATE POLICY infusion_readiness_patient ON infusion_readiness
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

-- Answers are changed in place and never deleted; which infusion a row belongs to never changes.
GRANT SELECT, INSERT ON infusion_readiness TO ivks_app;
GRANT UPDATE (ride_arranged, instructions_followed, chaperone_briefed, confirmed_at, updated_at)
  ON infusion_readiness TO ivks_app;
