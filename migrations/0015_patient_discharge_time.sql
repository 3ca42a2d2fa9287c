-- A patient's record says when they were discharged exactly when they are. A discharged row
-- written before this rule without a time takes its enrolment time, the latest moment known
-- to be before the discharge.
UPDATE patients SET discharged_at = enrolled_at
  WHERE status = 'discharged' AND discharged_at IS NULL;
UPDATE patients SET discharged_at = NULL
  WHERE status <> 'discharged' AND discharged_at IS NOT NULL;

ALTER TABLE patients ADD CONSTRAINT patients_discharged_when
  CHECK ((status = 'discharged') = (discharged_at IS NOT NULL));
