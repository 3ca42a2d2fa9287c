import type { Role } from '@ivks/contracts';
import type { AppConfig } from '@ivks/server';

/**
 * Links in emails carry their one-time token in the URL's fragment. A browser never sends the
 * fragment to the web server, so the token stays out of its logs, out of Referer headers and out
 * of the address the server sees.
 */

/** An address in the dashboard, which routes by the fragment: the path rides there too. */
export function dashboardLink(
  config: Pick<AppConfig, 'DASHBOARD_URL'>,
  path: string,
  query: Record<string, string> = {},
): string {
  const base = config.DASHBOARD_URL.replace(/\/+$/, '');
  const search = new URLSearchParams(query).toString();

  return `${base}/#/${path}${search === '' ? '' : `?${search}`}`;
}

/** An address in the patient app, whose pages read what follows `#` as parameters. */
export function patientAppLink(
  config: Pick<AppConfig, 'PATIENT_APP_URL'>,
  path: string,
  fragment: Record<string, string> = {},
): string {
  const base = config.PATIENT_APP_URL.replace(/\/+$/, '');
  const parameters = new URLSearchParams(fragment).toString();

  return `${base}/${path}${parameters === '' ? '' : `#${parameters}`}`;
}

/** A page of the portal a user signs in to: the dashboard for staff, the patient app for patients. */
export function portalLink(
  config: Pick<AppConfig, 'DASHBOARD_URL' | 'PATIENT_APP_URL'>,
  role: Role,
  page: string,
  parameters: Record<string, string> = {},
): string {
  return role === 'patient'
    ? patientAppLink(config, page, parameters)
    : dashboardLink(config, page, parameters);
}
