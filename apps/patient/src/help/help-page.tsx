import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';

function ClinicContact() {
  const { session } = useSession();

  if (session.status !== 'signed-in') {
    return (
      <p>
        Your clinic&apos;s phone number shows here once you sign in. You can also find it in the
        emails your clinic sent you.
      </p>
    );
  }
  const { name, phone } = session.me.clinic;

  if (phone === null) {
    return (
      <p>
        {name} has not added a phone number yet. Use the number they gave you when you were
        enrolled.
      </p>
    );
  }

  return (
    <>
      <p>
        If you feel unsafe or unwell after an infusion, or have a question that cannot wait, call{' '}
        {name}.
      </p>
      <p>
        <a className="button button--secondary" href={`tel:${phone.replaceAll(' ', '')}`}>
          Call {name} on {phone}
        </a>
      </p>
    </>
  );
}

export function HelpPage() {
  usePageTitle('Get help now');

  return (
    <>
      <h1>Get help now</h1>
      <p className="lead">
        If you are struggling or thinking about hurting yourself, you do not have to wait. Someone
        can talk with you right now.
      </p>

      <section aria-labelledby="help-emergency">
        <h2 id="help-emergency">If your life or someone else&apos;s is in danger</h2>
        <p>Call 911 now.</p>
        <p>
          <a className="button button--warning" href="tel:911">
            Call 911
          </a>
        </p>
      </section>

      <section aria-labelledby="help-988">
        <h2 id="help-988">Talk to someone now: call or text 988</h2>
        <p>
          The 988 Suicide &amp; Crisis Lifeline is free and confidential. It is open 24 hours a day,
          every day, anywhere in the US.
        </p>
        <div className="button-group">
          <a className="button" href="tel:988">
            Call 988
          </a>
          <a className="button" href="sms:988">
            Text 988
          </a>
        </div>
      </section>

      <section aria-labelledby="help-clinic">
        <h2 id="help-clinic">Contact your clinic</h2>
        <ClinicContact />
      </section>

      <div className="inset-text">
        <p>
          <strong>Nobody watches this app in real time.</strong> Your clinic will not see anything
          you write here straight away. If you need help now, call or text one of the numbers on
          this page.
        </p>
      </div>
    </>
  );
}
