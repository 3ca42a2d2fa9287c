-- A sign-up whose link expired, and that nobody renewed, leaves a pending clinic that no one can
-- reach. The worker removes it some days later: the clinic row, its sign-up (which holds the
-- owner's email, name and password hash) and the record of the emails sent to that address.
-- Until then a late click on the old link still hears that it expired and can sign up again.
--
-- A sign-up being renewed or completed at the same moment holds its row locked and is skipped,
-- so two workers running this at once, or a person renewing, never race it.
CREATE FUNCTION clinic_signup_remove_expired(p_expired_before timestamptz)
  RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    v_clinics uuid[];
  BEGIN
    SELECT coalesce(array_agg(stale.clinic_id), '{}') INTO v_clinics
      FROM (
        SELECT s.clinic_id
          FROM clinic_signups s
          JOIN clinics c ON c.id = s.clinic_id
          WHERE s.completed_at IS NULL
            AND s.expires_at < p_expired_before
            AND c.activated_at IS NULL
          FOR UPDATE OF s, c SKIP LOCKED
      ) stale;

    DELETE FROM email_deliveries d WHERE d.clinic_id = ANY (v_clinics);
    DELETE FROM clinic_signups s WHERE s.clinic_id = ANY (v_clinics);
    DELETE FROM clinics c WHERE c.id = ANY (v_clinics);

    RETURN cardinality(v_clinics);
  END
  $$;
REVOKE ALL ON FUNCTION clinic_signup_remove_expired(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic_signup_remove_expired(timestamptz) TO ivks_app;
