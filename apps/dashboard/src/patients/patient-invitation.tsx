import type { PatientDetail, PatientSummary } from '@ivks/contracts';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { CareDataProvider } from '../data/data-provider';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { formatInZone } from '../time/format-in-zone';

/** Whether the patient has set up their account, and when they were last invited. */
export function InvitationField(_props: { label?: string; sortable?: boolean }) {
  const patient = useRecordContext<PatientSummary>();
  const timeZone = useClinicTimeZone();

  if (patient === undefined || timeZone === undefined || patient.status !== 'invited') {
    return null;
  }

  return (
    <span>
      Not yet accepted
      {patient.invitationSentAt !== null && (
        <>
          <br />
          Invitation sent {formatInZone(patient.invitationSentAt, timeZone)}
        </>
      )}
    </span>
  );
}

/** Emails the patient a new invitation link; the one sent before stops working. */
export function ResendInvitationButton() {
  const patient = useRecordContext<PatientSummary>();
  const dataProvider = useDataProvider<CareDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [sending, setSending] = useState(false);

  if (patient === undefined || patient.status !== 'invited') {
    return null;
  }

  const resend = async () => {
    setSending(true);
    try {
      await dataProvider.resendInvitation(patient.id);
      notify(`A new invitation is on its way to ${patient.email}.`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The invitation could not be sent.', {
        type: 'error',
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <Button
      label={sending ? 'Sending…' : 'Resend invitation'}
      disabled={sending}
      onClick={(event) => {
        // Inside a list row, a click would otherwise also open the patient.
        event.stopPropagation();
        void resend();
      }}
    />
  );
}

/** Ends or reopens the patient's course, after the member of staff confirms. */
export function DischargeButton() {
  const patient = useRecordContext<PatientDetail>();
  const dataProvider = useDataProvider<CareDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);

  if (patient === undefined) {
    return null;
  }
  const discharged = patient.status === 'discharged';

  const act = async () => {
    setWorking(true);
    try {
      if (discharged) {
        await dataProvider.readmitPatient(patient.id);
        notify('The patient has been readmitted.', { type: 'success' });
      } else {
        await dataProvider.dischargePatient(patient.id);
        notify('The patient has been discharged. Their record stays here.', { type: 'success' });
      }
      setConfirming(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'That did not work. Please try again.', {
        type: 'error',
      });
    } finally {
      setWorking(false);
    }
  };

  if (discharged) {
    return <Button label="Readmit" disabled={working} onClick={() => void act()} />;
  }
  if (!confirming) {
    return <Button label="Discharge" onClick={() => setConfirming(true)} />;
  }

  return (
    <div role="alertdialog" aria-labelledby="discharge-question" style={{ display: 'inline' }}>
      <span id="discharge-question" style={{ marginInline: '0.5rem' }}>
        Discharge {patient.givenName}? Their open assignments are withdrawn and nothing new can be
        scheduled; the record stays.
      </span>
      <Button label="Yes, discharge" disabled={working} onClick={() => void act()} />
      <Button label="Cancel" disabled={working} onClick={() => setConfirming(false)} />
    </div>
  );
}
