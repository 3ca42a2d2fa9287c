import type { TotpEnrolment } from '@ivks/contracts';
import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';
import { Button, Form, TextInput, useDataProvider, useNotify } from 'react-admin';
import { fieldErrorsOf, messageOf } from '../staff/form-errors';
import type { AccountDataProvider } from './account-methods';
import { codeProblem, normaliseCode, recoveryCodesText } from './account-forms';

type Stage =
  | { stage: 'starting' }
  | { stage: 'scan'; enrolment: TotpEnrolment; qrCode: string }
  | { stage: 'codes'; recoveryCodes: string[] };

/**
 * Adds an authenticator app: a QR code to scan (and the secret to type, for apps that cannot
 * scan), a first code to confirm, then the recovery codes, shown this once.
 */
export function TotpSetup({ onDone }: { onDone: () => void }) {
  const dataProvider = useDataProvider<AccountDataProvider>();
  const notify = useNotify();
  const [stage, setStage] = useState<Stage>({ stage: 'starting' });

  useEffect(() => {
    let current = true;
    const start = async () => {
      const enrolment = await dataProvider.startTotp();
      const qrCode = await toDataURL(enrolment.otpauthUri, { margin: 1, width: 220 });
      if (current) {
        setStage({ stage: 'scan', enrolment, qrCode });
      }
    };
    start().catch((error: unknown) =>
      notify(messageOf(error, 'Setting up the authenticator app could not start.'), {
        type: 'error',
      }),
    );

    return () => {
      current = false;
    };
  }, [dataProvider, notify]);

  if (stage.stage === 'starting') {
    return <p>Preparing your authenticator app set-up…</p>;
  }

  if (stage.stage === 'codes') {
    const file = `data:text/plain;charset=utf-8,${encodeURIComponent(recoveryCodesText(stage.recoveryCodes))}`;

    return (
      <section aria-labelledby="recovery-codes-heading">
        <h3 id="recovery-codes-heading">Save your recovery codes</h3>
        <p>
          If you lose your phone, each of these codes lets you sign in once instead of a code from
          the app. Keep them somewhere safe, away from your phone. They are shown only now.
        </p>
        <ul data-testid="recovery-codes" style={{ fontFamily: 'monospace', fontSize: '1.1rem' }}>
          {stage.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p>
          <a href={file} download="ivks-recovery-codes.txt">
            Download the codes as a text file
          </a>
        </p>
        <Button variant="contained" label="I have saved my recovery codes" onClick={onDone} />
      </section>
    );
  }

  const confirm = async (values: { code?: string }) => {
    try {
      const { recoveryCodes } = await dataProvider.confirmTotp(normaliseCode(values.code ?? ''));
      setStage({ stage: 'codes', recoveryCodes });

      return undefined;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) {
        notify(messageOf(error, 'The code could not be checked. Please try again.'), {
          type: 'error',
        });
      }

      return fields ?? undefined;
    }
  };

  return (
    <section aria-labelledby="scan-heading">
      <h3 id="scan-heading">1. Add IV Ketamine Support to your authenticator app</h3>
      <p>
        Open an authenticator app on your phone (such as Google Authenticator, Microsoft
        Authenticator or 1Password) and scan this code.
      </p>
      <img
        src={stage.qrCode}
        width={220}
        height={220}
        alt="QR code to add IV Ketamine Support to an authenticator app"
      />
      <p>
        Cannot scan? Enter this key in the app instead:{' '}
        <code data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
          {stage.enrolment.secret}
        </code>
      </p>
      <h3>2. Enter the code the app shows</h3>
      <Form onSubmit={confirm} noValidate>
        <TextInput
          source="code"
          label="6-digit code"
          autoComplete="one-time-code"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          validate={(value: string | undefined) => codeProblem(value)}
        />
        <div>
          <Button type="submit" variant="contained" label="Confirm" />
        </div>
      </Form>
    </section>
  );
}
