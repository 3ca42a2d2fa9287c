import type { AppConfig } from '@ivks/server';

/**
 * An address in the dashboard, for links in emails to staff. The dashboard routes by the URL's
 * fragment, so the path and any token ride there too: a browser never sends the fragment to the
 * web server, and the token stays out of its logs.
 */
export function dashboardLink(
  config: Pick<AppConfig, 'DASHBOARD_URL'>,
  path: string,
  query: Record<string, string> = {},
): string {
  const base = config.DASHBOARD_URL.replace(/\/+$/, '');
  const search = new URLSearchParams(query).toString();

  return `${base}/#/${path}${search === '' ? '' : `?${search}`}`;
}
