import type { PatientLinkPurpose } from '@ivks/contracts';

/** The address a link's token opens, on this site: the feed from the API, the page from this app. */
export function shareUrl(purpose: PatientLinkPurpose, token: string, origin: string): string {
  const encoded = encodeURIComponent(token);

  return purpose === 'calendar'
    ? `${origin}/api/v1/calendar/${encoded}`
    : `${origin}/chaperone/${encoded}`;
}

/** Calendar apps subscribe to a webcal address and keep it up to date. */
export function subscribeUrl(feedUrl: string): string {
  return feedUrl.replace(/^https?:/, 'webcal:');
}
