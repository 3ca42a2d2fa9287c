import { useSession } from '../session/session-context';

/**
 * Help to reach now, shown the moment an entry's words suggest crisis. It says plainly that
 * nobody watches the journal as it is written, so nobody waits for a reply that will not come.
 */
export function CrisisResources() {
  const { session } = useSession();
  const clinic = session.status === 'signed-in' ? session.me.clinic : null;

  return (
    <section className="panel crisis" aria-labelledby="crisis-heading" aria-live="polite">
      <h2 id="crisis-heading">You do not have to hold this alone</h2>
      <p>
        If you are thinking about suicide or hurting yourself, you can talk to someone right now.
        Call or text <strong>988</strong>, the Suicide &amp; Crisis Lifeline. It is free,
        confidential and open 24 hours a day, anywhere in the US.
      </p>
      <div className="button-group">
        <a className="button" href="tel:988">
          Call 988
        </a>
        <a className="button" href="sms:988">
          Text 988
        </a>
        {clinic?.phone && (
          <a className="button button--secondary" href={`tel:${clinic.phone.replaceAll(' ', '')}`}>
            Call {clinic.name} on {clinic.phone}
          </a>
        )}
      </div>
      <p>
        <strong>Your journal is not monitored in real time.</strong> Nobody at your clinic reads it
        as you write, even when you share it, so please reach out to one of the numbers above. If
        you are in danger now, call 911.
      </p>
    </section>
  );
}
