-- The integration journal, which the care team reads only with the patient's consent.
--
-- Who may read is decided here, by row-level security, not by the API: a member of staff sees an
-- entry only while a live share of the patient covers it and they are on that patient's care
-- team, and never once it is deleted. What an entry says is stored encrypted with the clinic's
-- data key (see libs/server/src/encryption), so a dump of these tables holds no patient writing.

-- The clinicians assigned to a patient.
CREATE TABLE care_team_members (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL,
  membership_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id),
  UNIQUE (clinic_id, patient_id, membership_id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, membership_id) REFERENCES memberships (clinic_id, id)
);
CREATE INDEX care_team_members_clinic_membership_idx ON care_team_members (clinic_id, membership_id);

ALTER TABLE care_team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE care_team_members FORCE ROW LEVEL SECURITY;
CREATE POLICY care_team_members_clinic ON care_team_members
  USING (clinic_id = app_clinic_id() AND app_has_clinic_access());
CREATE POLICY care_team_members_patient_read ON care_team_members FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  );

GRANT SELECT, INSERT, DELETE ON care_team_members TO ivks_app;

-- Each clinic's data keys, wrapped by a master key the database never sees. Anyone acting in
-- the clinic reads them, because a patient's own request encrypts what they write. Re-wrapping
-- under a new master key is an operator's task, done as the owner role.
CREATE TABLE clinic_data_keys (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  version integer NOT NULL CHECK (version > 0),
  wrapped_key bytea NOT NULL,
  master_key_id text NOT NULL CHECK (length(master_key_id) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, version)
);

ALTER TABLE clinic_data_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinic_data_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY clinic_data_keys_read ON clinic_data_keys FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_role() IS NOT NULL);
CREATE POLICY clinic_data_keys_insert ON clinic_data_keys FOR INSERT
  WITH CHECK (clinic_id = app_clinic_id() AND app_role() IS NOT NULL);

GRANT SELECT, INSERT ON clinic_data_keys TO ivks_app;

-- True when the signed-in member of staff is on the care team of the patient.
CREATE FUNCTION app_on_care_team(p_clinic_id uuid, p_patient_id uuid) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT app_role() IN ('owner', 'admin', 'clinician') AND EXISTS (
      SELECT 1
      FROM care_team_members t
      JOIN memberships m ON m.clinic_id = t.clinic_id AND m.id = t.membership_id
      WHERE t.clinic_id = p_clinic_id AND t.patient_id = p_patient_id
        AND m.user_id = app_user_id() AND m.deactivated_at IS NULL
    )
  $$;

CREATE TABLE journal_entries (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL,
  -- The id the patient's device gave the draft, so that saving twice keeps one entry.
  client_id uuid NOT NULL,
  body_ciphertext bytea NOT NULL,
  key_version integer NOT NULL,
  mood smallint CHECK (mood BETWEEN 1 AND 10),
  tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
  prompt_slug text CHECK (prompt_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(prompt_slug) <= 80),
  infusion_id uuid,
  status text NOT NULL CHECK (status IN ('draft', 'saved')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (clinic_id, id),
  UNIQUE (clinic_id, patient_id, client_id),
  -- Lets shares, replies and reads name the entry and its patient together.
  UNIQUE (clinic_id, id, patient_id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, infusion_id) REFERENCES infusions (clinic_id, id),
  FOREIGN KEY (clinic_id, key_version) REFERENCES clinic_data_keys (clinic_id, version)
);
CREATE INDEX journal_entries_clinic_patient_time_idx
  ON journal_entries (clinic_id, patient_id, created_at DESC);

-- A patient's consent: to one entry, or, with no entry, to every entry made from granted_at on.
-- Revoking keeps the row, so the history of consent stays.
CREATE TABLE journal_shares (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL,
  entry_id uuid,
  consent_version text NOT NULL CHECK (length(consent_version) BETWEEN 1 AND 40),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, entry_id, patient_id) REFERENCES journal_entries (clinic_id, id, patient_id),
  CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
);
CREATE UNIQUE INDEX journal_shares_one_live_idx ON journal_shares (clinic_id, patient_id, entry_id)
  NULLS NOT DISTINCT WHERE revoked_at IS NULL;

ALTER TABLE journal_shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_shares FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_shares_patient ON journal_shares
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
CREATE POLICY journal_shares_care_team_read ON journal_shares FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_on_care_team(clinic_id, patient_id));

GRANT SELECT, INSERT, UPDATE (revoked_at) ON journal_shares TO ivks_app;

ALTER TABLE journal_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_entries_patient ON journal_entries
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
-- A draft is unfinished writing, so even a share of everything shows only saved entries.
CREATE POLICY journal_entries_care_team_read ON journal_entries FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND app_role() IN ('owner', 'admin', 'clinician')
    AND status = 'saved'
    AND deleted_at IS NULL
    AND EXISTS (
      SELECT 1
      FROM care_team_members t
      JOIN memberships m ON m.clinic_id = t.clinic_id AND m.id = t.membership_id
      WHERE t.clinic_id = journal_entries.clinic_id AND t.patient_id = journal_entries.patient_id
        AND m.user_id = app_user_id() AND m.deactivated_at IS NULL
    )
    AND EXISTS (
      SELECT 1
      FROM journal_shares s
      WHERE s.clinic_id = journal_entries.clinic_id AND s.patient_id = journal_entries.patient_id
        AND s.revoked_at IS NULL
        AND (
          s.entry_id = journal_entries.id
          OR (s.entry_id IS NULL AND journal_entries.created_at >= s.granted_at)
        )
    )
  );

GRANT SELECT, INSERT ON journal_entries TO ivks_app;
GRANT UPDATE (body_ciphertext, key_version, mood, tags, prompt_slug, infusion_id, status,
  updated_at, deleted_at) ON journal_entries TO ivks_app;

-- The policies below lean on the entry's own: a subquery on journal_entries returns the entry
-- only to whoever may read it now, so replies, reads and flags follow each share as it changes.

CREATE TABLE journal_replies (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  author_membership_id uuid NOT NULL,
  -- The name the patient saw when the reply was written; patients cannot read memberships.
  author_name text NOT NULL CHECK (length(author_name) BETWEEN 1 AND 200),
  body_ciphertext bytea NOT NULL,
  key_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, entry_id, patient_id) REFERENCES journal_entries (clinic_id, id, patient_id),
  FOREIGN KEY (clinic_id, author_membership_id) REFERENCES memberships (clinic_id, id),
  FOREIGN KEY (clinic_id, key_version) REFERENCES clinic_data_keys (clinic_id, version)
);
CREATE INDEX journal_replies_clinic_entry_idx ON journal_replies (clinic_id, entry_id, created_at);

ALTER TABLE journal_replies ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_replies FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_replies_patient_read ON journal_replies FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  );
CREATE POLICY journal_replies_care_team ON journal_replies
  USING (
    clinic_id = app_clinic_id()
    AND app_role() IN ('owner', 'admin', 'clinician')
    AND EXISTS (
      SELECT 1 FROM journal_entries e WHERE e.clinic_id = journal_replies.clinic_id
        AND e.id = journal_replies.entry_id
    )
  )
  WITH CHECK (
    clinic_id = app_clinic_id()
    AND app_role() IN ('owner', 'admin', 'clinician')
    AND author_membership_id IN (SELECT id FROM memberships WHERE user_id = app_user_id())
    AND EXISTS (
      SELECT 1 FROM journal_entries e WHERE e.clinic_id = journal_replies.clinic_id
        AND e.id = journal_replies.entry_id
    )
  );

GRANT SELECT, INSERT ON journal_replies TO ivks_app;

-- Who on the care team read which entry, and when, for the patient to see.
CREATE TABLE journal_reads (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  reader_membership_id uuid NOT NULL,
  reader_name text NOT NULL CHECK (length(reader_name) BETWEEN 1 AND 200),
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, entry_id, patient_id) REFERENCES journal_entries (clinic_id, id, patient_id),
  FOREIGN KEY (clinic_id, reader_membership_id) REFERENCES memberships (clinic_id, id)
);
CREATE INDEX journal_reads_clinic_entry_idx ON journal_reads (clinic_id, entry_id, read_at);

ALTER TABLE journal_reads ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_reads FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_reads_patient_read ON journal_reads FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  );
CREATE POLICY journal_reads_reader_insert ON journal_reads FOR INSERT
  WITH CHECK (
    clinic_id = app_clinic_id()
    AND app_role() IN ('owner', 'admin', 'clinician')
    AND reader_membership_id IN (SELECT id FROM memberships WHERE user_id = app_user_id())
    AND EXISTS (
      SELECT 1 FROM journal_entries e WHERE e.clinic_id = journal_reads.clinic_id
        AND e.id = journal_reads.entry_id
    )
  );

-- Reads are a record: never changed or removed by the application.
GRANT SELECT, INSERT ON journal_reads TO ivks_app;

-- A shared entry whose words suggest crisis, for the dashboard's needs-attention list. The
-- patient's own request writes it, only while a share covers the entry, and removes it when the
-- share ends: a private entry is never flagged.
CREATE TABLE journal_flags (
  clinic_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  themes text[] NOT NULL CHECK (cardinality(themes) > 0),
  flagged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, entry_id),
  FOREIGN KEY (clinic_id, entry_id, patient_id) REFERENCES journal_entries (clinic_id, id, patient_id)
);

ALTER TABLE journal_flags ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_flags FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_flags_patient ON journal_flags
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
CREATE POLICY journal_flags_care_team_read ON journal_flags FOR SELECT
  USING (
    clinic_id = app_clinic_id()
    AND app_role() IN ('owner', 'admin', 'clinician')
    AND EXISTS (
      SELECT 1 FROM journal_entries e WHERE e.clinic_id = journal_flags.clinic_id
        AND e.id = journal_flags.entry_id
    )
  );

GRANT SELECT, INSERT, UPDATE (themes, flagged_at), DELETE ON journal_flags TO ivks_app;

-- A member of the care team marks a shared entry as looked at, which takes it off the list.
CREATE TABLE journal_reviews (
  clinic_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  reviewer_membership_id uuid NOT NULL,
  reviewed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, entry_id),
  FOREIGN KEY (clinic_id, entry_id, patient_id) REFERENCES journal_entries (clinic_id, id, patient_id),
  FOREIGN KEY (clinic_id, reviewer_membership_id) REFERENCES memberships (clinic_id, id)
);

ALTER TABLE journal_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_reviews_care_team ON journal_reviews
  USING (
    clinic_id = app_clinic_id()
    AND app_role() IN ('owner', 'admin', 'clinician')
    AND EXISTS (
      SELECT 1 FROM journal_entries e WHERE e.clinic_id = journal_reviews.clinic_id
        AND e.id = journal_reviews.entry_id
    )
  )
  WITH CHECK (
    clinic_id = app_clinic_id()
    AND app_role() IN ('owner', 'admin', 'clinician')
    AND reviewer_membership_id IN (SELECT id FROM memberships WHERE user_id = app_user_id())
    AND EXISTS (
      SELECT 1 FROM journal_entries e WHERE e.clinic_id = journal_reviews.clinic_id
        AND e.id = journal_reviews.entry_id
    )
  );

GRANT SELECT, INSERT, UPDATE (reviewer_membership_id, reviewed_at), DELETE ON journal_reviews
  TO ivks_app;
