-- Care pathways: a clinic's templates of tasks timed relative to infusions, and the assignments
-- they give each patient. An assignment that belongs to an infusion keeps the offset it was
-- timed with, so when the infusion moves its due time can be computed again.
--
-- A task's or an assignment's offset is either a duration (offset_minutes) or a wall-clock
-- time a number of calendar days away (offset_days, offset_time); the CHECKs keep the two apart.

CREATE TABLE pathways (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  built_in text CHECK (built_in IN ('six_infusion_course')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id)
);
-- A clinic gets each built-in pathway once, however often it is asked for.
CREATE UNIQUE INDEX pathways_one_per_built_in_idx ON pathways (clinic_id, built_in)
  WHERE built_in IS NOT NULL;
CREATE INDEX pathways_clinic_name_idx ON pathways (clinic_id, name);

CREATE TABLE pathway_tasks (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pathway_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  content_slug text NOT NULL CHECK (content_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  anchor text NOT NULL
    CHECK (anchor IN ('each_infusion', 'first_infusion', 'last_infusion', 'enrolment')),
  offset_kind text NOT NULL CHECK (offset_kind IN ('duration', 'local_time')),
  offset_minutes integer CHECK (offset_minutes BETWEEN -129600 AND 129600),
  offset_days integer CHECK (offset_days BETWEEN -90 AND 90),
  offset_time text CHECK (offset_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, pathway_id) REFERENCES pathways (clinic_id, id),
  CHECK (
    (offset_kind = 'duration' AND offset_minutes IS NOT NULL
      AND offset_days IS NULL AND offset_time IS NULL)
    OR (offset_kind = 'local_time' AND offset_minutes IS NULL
      AND offset_days IS NOT NULL AND offset_time IS NOT NULL)
  )
);
CREATE INDEX pathway_tasks_clinic_pathway_idx ON pathway_tasks (clinic_id, pathway_id, position);

CREATE TABLE assignments (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL,
  content_slug text NOT NULL CHECK (content_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  infusion_id uuid,
  pathway_id uuid,
  pathway_task_id uuid,
  offset_kind text CHECK (offset_kind IN ('duration', 'local_time')),
  offset_minutes integer CHECK (offset_minutes BETWEEN -129600 AND 129600),
  offset_days integer CHECK (offset_days BETWEEN -90 AND 90),
  offset_time text CHECK (offset_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'withdrawn')),
  completed_at timestamptz,
  withdrawn_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, infusion_id) REFERENCES infusions (clinic_id, id),
  FOREIGN KEY (clinic_id, pathway_id) REFERENCES pathways (clinic_id, id),
  -- Removing a task from a pathway leaves the assignments already made from it with the patient.
  FOREIGN KEY (clinic_id, pathway_task_id) REFERENCES pathway_tasks (clinic_id, id)
    ON DELETE SET NULL (pathway_task_id),
  CHECK (
    (offset_kind IS NULL AND offset_minutes IS NULL AND offset_days IS NULL AND offset_time IS NULL)
    OR (offset_kind = 'duration' AND offset_minutes IS NOT NULL
      AND offset_days IS NULL AND offset_time IS NULL)
    OR (offset_kind = 'local_time' AND offset_minutes IS NULL
      AND offset_days IS NOT NULL AND offset_time IS NOT NULL)
  ),
  -- Only an assignment that belongs to an infusion has an offset to follow it by.
  CHECK (offset_kind IS NULL OR infusion_id IS NOT NULL),
  CHECK ((status = 'done') = (completed_at IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX assignments_clinic_patient_due_idx ON assignments (clinic_id, patient_id, due_at);
CREATE INDEX assignments_clinic_infusion_idx ON assignments (clinic_id, infusion_id)
  WHERE infusion_id IS NOT NULL;
CREATE INDEX assignments_clinic_pathway_task_idx ON assignments (clinic_id, pathway_task_id)
  WHERE pathway_task_id IS NOT NULL;
-- Applying a pathway again adds only what is missing: one assignment per task and infusion (or
-- per task, for tasks timed from enrolment).
CREATE UNIQUE INDEX assignments_one_per_task_idx
  ON assignments (clinic_id, patient_id, pathway_task_id, infusion_id) NULLS NOT DISTINCT
  WHERE pathway_task_id IS NOT NULL;

-- One row per checklist entry a patient has touched; a repeated tick updates the same row.
CREATE TABLE assignment_checklist_ticks (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  assignment_id uuid NOT NULL,
  item_id text NOT NULL CHECK (item_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  checked boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, assignment_id) REFERENCES assignments (clinic_id, id),
  UNIQUE (clinic_id, assignment_id, item_id)
);

-- A patient may mark their own assignment done or open again, and change nothing else about it.
CREATE FUNCTION assignments_patient_changes_only_status() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF app_role() = 'patient' AND (
      OLD.status = 'withdrawn'
      OR NEW.status NOT IN ('open', 'done')
      OR to_jsonb(NEW) - ARRAY['status', 'completed_at', 'updated_at']
         IS DISTINCT FROM to_jsonb(OLD) - ARRAY['status', 'completed_at', 'updated_at']
    ) THEN
      RAISE EXCEPTION 'a patient may only mark an assignment done or open'
        USING ERRCODE = 'insufficient_privilege';
    END IF;

    RETURN NEW;
  END
  $$;

CREATE TRIGGER assignments_patient_changes_only_status
  BEFORE UPDATE ON assignments
  FOR EACH ROW EXECUTE FUNCTION assignments_patient_changes_only_status();

-- Row-level security. Pathways are the clinic's working documents, for staff alone; patients see
-- their own assignments and ticks.

ALTER TABLE pathways ENABLE ROW LEVEL SECURITY;
ALTER TABLE pathways FORCE ROW LEVEL SECURITY;
CREATE POLICY pathways_clinic ON pathways
  USING (clinic_id = app_clinic_id() AND app_has_clinic_access());

ALTER TABLE pathway_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE pathway_tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY pathway_tasks_clinic ON pathway_tasks
  USING (clinic_id = app_clinic_id() AND app_has_clinic_access());

ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignments FORCE ROW LEVEL SECURITY;
CREATE POLICY assignments_clinic ON assignments
  USING (clinic_id = app_clinic_id() AND app_has_clinic_access());
CREATE POLICY assignments_patient_read ON assignments FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  );
CREATE POLICY assignments_patient_update ON assignments FOR UPDATE
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

ALTER TABLE assignment_checklist_ticks ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignment_checklist_ticks FORCE ROW LEVEL SECURITY;
CREATE POLICY assignment_checklist_ticks_clinic_read ON assignment_checklist_ticks FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_has_clinic_access());
CREATE POLICY assignment_checklist_ticks_patient ON assignment_checklist_ticks
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND assignment_id IN (
      SELECT a.id FROM assignments a
      WHERE a.patient_id IN (SELECT p.id FROM patients p WHERE p.user_id = app_user_id())
    )
  )
  WITH CHECK (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND assignment_id IN (
      SELECT a.id FROM assignments a
      WHERE a.patient_id IN (SELECT p.id FROM patients p WHERE p.user_id = app_user_id())
    )
  );

-- Tasks are replaced when a pathway is edited; nothing else is ever deleted.
GRANT SELECT, INSERT, UPDATE ON pathways, assignments, assignment_checklist_ticks TO ivks_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON pathway_tasks TO ivks_app;
