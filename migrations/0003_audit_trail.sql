-- The clinic audit trail: who did what, and when, in an append-only record per clinic.
--
-- Each clinic's events form a hash chain. A BEFORE INSERT trigger, running as the owner, numbers
-- the event (seq 1, 2, 3, ... per clinic) and sets
--   hash = sha256(previous event's hash || canonical content of this event)
-- where the first event of a clinic follows 32 zero bytes. The trigger takes the clinic's row of
-- audit_chain_heads under a row lock, so concurrent inserts of one clinic take turns and get
-- consecutive numbers; the lock is held until the inserting transaction ends, and a rolled-back
-- event leaves no gap. `node apps/api/dist/cli/verify-audit.js` recomputes every chain; the
-- canonical content is built the same way in libs/server/src/audit/audit-chain.ts.
--
-- The application role may insert and read events, never change or remove them. Only owners and
-- admins of the clinic read them. Details are small JSON objects of fixed facts: never health
-- information, a password, a token or anything a patient wrote.

CREATE TABLE audit_chain_heads (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
  last_hash bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'
    CHECK (octet_length(last_hash) = 32),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id)
);

CREATE TABLE audit_events (
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  seq bigint NOT NULL CHECK (seq > 0),
  occurred_at timestamptz NOT NULL,
  -- Null when nobody was signed in, as for a failed sign-in, or when the portal acted by itself.
  actor_user_id uuid,
  actor_role text CHECK (actor_role IN ('owner', 'admin', 'clinician', 'patient', 'system')),
  action text NOT NULL CHECK (action ~ '^[a-z]+(_[a-z]+)*(\.[a-z]+(_[a-z]+)*)+$'),
  subject_type text CHECK (subject_type ~ '^[a-z]+(_[a-z]+)*$'),
  subject_id uuid,
  request_id text CHECK (request_id ~ '^[A-Za-z0-9._:-]{1,100}$'),
  client_ip inet,
  details jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(details) = 'object' AND octet_length(details::text) <= 1024),
  prev_hash bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
  hash bytea NOT NULL CHECK (octet_length(hash) = 32),
  PRIMARY KEY (clinic_id, seq),
  CHECK ((subject_type IS NULL) = (subject_id IS NULL))
);
CREATE INDEX audit_events_clinic_time_idx ON audit_events (clinic_id, occurred_at);
CREATE INDEX audit_events_clinic_action_idx ON audit_events (clinic_id, action, seq);
CREATE INDEX audit_events_clinic_actor_idx ON audit_events (clinic_id, actor_user_id, seq);
CREATE INDEX audit_events_clinic_subject_idx ON audit_events (clinic_id, subject_id, seq);

-- The canonical content of an event, one field per line, an absent value as an empty line. No
-- field can hold a line break: the CHECKs above rule them out, and the text form of jsonb (which
-- orders keys and spacing the same way every time) escapes them.
CREATE FUNCTION audit_event_canonical(e audit_events) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT array_to_string(ARRAY[
      'ivks-audit-v1',
      e.clinic_id::text,
      e.seq::text,
      to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      coalesce(e.actor_user_id::text, ''),
      coalesce(e.actor_role, ''),
      e.action,
      coalesce(e.subject_type, ''),
      coalesce(e.subject_id::text, ''),
      coalesce(e.request_id, ''),
      coalesce(e.client_ip::text, ''),
      e.details::text
    ], E'\n')
  $$;

CREATE FUNCTION audit_events_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    head audit_chain_heads%ROWTYPE;
  BEGIN
    -- Only inside the clinic's own context, so no caller can hold another clinic's head locked.
    IF NEW.clinic_id IS DISTINCT FROM app_clinic_id() THEN
      RAISE EXCEPTION 'an audit event can only be recorded in the current clinic'
        USING ERRCODE = 'insufficient_privilege';
    END IF;

    INSERT INTO audit_chain_heads (clinic_id) VALUES (NEW.clinic_id)
      ON CONFLICT (clinic_id) DO NOTHING;
    SELECT * INTO STRICT head FROM audit_chain_heads WHERE clinic_id = NEW.clinic_id FOR UPDATE;

    -- Whatever the caller sent, the chain decides the number, the time and the hashes. The time
    -- is read after the lock, so times rise with seq.
    NEW.seq := head.last_seq + 1;
    NEW.occurred_at := clock_timestamp();
    NEW.prev_hash := head.last_hash;
    NEW.hash := sha256(head.last_hash || convert_to(audit_event_canonical(NEW), 'UTF8'));

    UPDATE audit_chain_heads
      SET last_seq = NEW.seq, last_hash = NEW.hash, updated_at = NEW.occurred_at
      WHERE clinic_id = NEW.clinic_id;

    RETURN NEW;
  END
  $$;

CREATE TRIGGER audit_events_chain
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

-- The grants already keep the application role from changing events; this keeps the owner from
-- doing it by accident, such as in a migration. Changing history takes disabling this trigger,
-- which the chain then shows.
CREATE FUNCTION audit_events_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION 'audit events are never changed or removed'
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

REVOKE ALL ON FUNCTION audit_event_canonical(audit_events) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_events_chain() FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_events_append_only() FROM PUBLIC;

-- Row-level security. Anyone acting in the clinic (staff, a patient, the portal itself, or the
-- sign-in routes before a role is known) may add an event as themselves; only owners and admins
-- read them. There is no policy for UPDATE or DELETE, so even a grant would change nothing.

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_events_admins_read ON audit_events FOR SELECT
  USING (clinic_id = app_clinic_id() AND app_role() IN ('owner', 'admin'));
CREATE POLICY audit_events_append ON audit_events FOR INSERT
  WITH CHECK (
    clinic_id = app_clinic_id()
    AND (actor_user_id IS NULL OR actor_user_id = app_user_id())
    AND (app_role() IS NULL OR actor_role IS NOT DISTINCT FROM app_role())
  );

-- The heads are the trigger's alone: the application role has no grant on them at all.
ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_heads FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_chain_heads_clinic ON audit_chain_heads
  USING (clinic_id = app_clinic_id());

GRANT SELECT, INSERT ON audit_events TO ivks_app;
