import { isUuid } from '@ivks/server';

/** A link token is the link's id and a random secret; only the secret's hash is stored. */
export interface LinkToken {
  linkId: string;
  secret: string;
}

export function encodeLinkToken(token: LinkToken): string {
  return `${token.linkId}.${token.secret}`;
}

export function decodeLinkToken(value: string): LinkToken | null {
  const [linkId = '', secret = '', ...rest] = value.split('.');
  if (rest.length > 0 || !isUuid(linkId) || !/^[\w-]{43}$/.test(secret)) {
    return null;
  }

  return { linkId, secret };
}
