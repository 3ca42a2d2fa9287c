import { useLocation } from 'react-router-dom';

/**
 * The one-time token an emailed link carries after `#`, the part of an address a browser never
 * sends to the web server.
 */
export function useLinkToken(): string {
  const { hash } = useLocation();

  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
