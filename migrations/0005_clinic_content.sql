-- What a clinic writes for its own patients: items of its own, adapted copies of built-in items
-- (same slug; the built-in text stays as it is for every other clinic), and its instructions
-- for the physical side of treatment, which the portal never writes itself.

CREATE TABLE clinic_content_items (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  kind text NOT NULL,
  -- The whole item as the clinic wrote it; the API checks its shape before it is stored.
  item jsonb NOT NULL,
  -- For an adapted built-in item: the library version it was adapted from.
  adapted_from_version text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  PRIMARY KEY (clinic_id, id),
  UNIQUE (clinic_id, slug)
);

CREATE TABLE clinic_instructions (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  topic text NOT NULL CHECK (topic IN ('fasting', 'medicines', 'arrival', 'what_to_bring', 'driving')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  PRIMARY KEY (clinic_id, topic)
);

-- Everyone in the clinic reads them; staff write them.
ALTER TABLE clinic_content_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic_content_items FORCE ROW LEVEL SECURITY;
CREATE POLICY clinic_content_items_read ON clinic_content_items FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_role() IS NOT NULL);
CREATE POLICY clinic_content_items_staff_write ON clinic_content_items
  USING (clinic_id = app_clinic_id() AND app_role() IN ('owner', 'admin', 'clinician'));

ALTER TABLE clinic_instructions ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic_instructions FORCE ROW LEVEL SECURITY;
CREATE POLICY clinic_instructions_read ON clinic_instructions FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_role() IS NOT NULL);
CREATE POLICY clinic_instructions_staff_write ON clinic_instructions
  USING (clinic_id = app_clinic_id() AND app_role() IN ('owner', 'admin', 'clinician'));

GRANT SELECT, INSERT, UPDATE, DELETE ON clinic_content_items, clinic_instructions TO ivks_app;
