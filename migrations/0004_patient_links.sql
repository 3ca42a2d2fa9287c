-- Links a patient can hand to someone else or to another app: a private calendar feed of their
-- infusions, and a page for their chaperone. Each link is a random secret of which only a hash
-- is kept; the patient can revoke it, and a new one replaces the old.

CREATE TABLE patient_links (
  clinic_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('calendar', 'chaperone')),
  secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id)
);
-- A link is opened by its id alone, before any clinic is known.
CREATE UNIQUE INDEX patient_links_id_key ON patient_links (id);
CREATE UNIQUE INDEX patient_links_one_active_idx ON patient_links (clinic_id, patient_id, purpose)
  WHERE revoked_at IS NULL;

ALTER TABLE patient_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE patient_links FORCE ROW LEVEL SECURITY;
CREATE POLICY patient_links_own ON patient_links
  USING (
    clinic_id = app_clinic_id()
    AND app_role() = 'patient'
    AND patient_id IN (SELECT id FROM patients WHERE user_id = app_user_id())
  );

GRANT SELECT, INSERT, UPDATE (revoked_at) ON patient_links TO ivks_app;

-- Opening a link happens without sign-in. These functions run as the owner and return only what
-- the link shows, and only while the link is live: one row per infusion, or a single row with no
-- infusion when there is none to show. No row at all means there is no such live link.

CREATE FUNCTION link_calendar_infusions(p_link uuid, p_secret_hash bytea)
  RETURNS TABLE (infusion_id uuid, scheduled_at timestamptz, duration_minutes integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT i.id, i.scheduled_at, i.duration_minutes
    FROM patient_links l
    LEFT JOIN infusions i
      ON i.clinic_id = l.clinic_id AND i.patient_id = l.patient_id AND i.status <> 'cancelled'
    WHERE l.id = p_link AND l.purpose = 'calendar' AND l.revoked_at IS NULL
      AND l.secret_hash = p_secret_hash
    ORDER BY i.scheduled_at
  $$;

CREATE FUNCTION link_chaperone_visits(p_link uuid, p_secret_hash bytea)
  RETURNS TABLE (
    given_name text,
    clinic_name text,
    clinic_phone text,
    time_zone text,
    scheduled_at timestamptz,
    duration_minutes integer
  )
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT p.given_name, c.name, c.phone, p.time_zone, i.scheduled_at, i.duration_minutes
    FROM patient_links l
    JOIN patients p ON p.clinic_id = l.clinic_id AND p.id = l.patient_id
    JOIN clinics c ON c.id = l.clinic_id
    LEFT JOIN infusions i
      ON i.clinic_id = l.clinic_id AND i.patient_id = l.patient_id AND i.status = 'scheduled'
      AND i.scheduled_at + make_interval(mins => i.duration_minutes) > now()
    WHERE l.id = p_link AND l.purpose = 'chaperone' AND l.revoked_at IS NULL
      AND l.secret_hash = p_secret_hash AND p.status <> 'discharged'
    ORDER BY i.scheduled_at
  $$;

REVOKE ALL ON FUNCTION link_calendar_infusions(uuid, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION link_chaperone_visits(uuid, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION link_calendar_infusions(uuid, bytea) TO ivks_app;
GRANT EXECUTE ON FUNCTION link_chaperone_visits(uuid, bytea) TO ivks_app;
