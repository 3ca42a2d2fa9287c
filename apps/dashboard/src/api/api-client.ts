import {
  ERROR_CODES,
  type ApiError,
  type MfaSignInRequest,
  type SessionResponse,
  type SignInResponse,
} from '@ivks/contracts';
import { HttpError } from 'react-admin';

/** The part of fetch the client relies on, so tests can answer without a network. */
export type FetchLike = (
  url: string,
  init: RequestInit,
) => Promise<Pick<Response, 'ok' | 'status' | 'text' | 'headers'>>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
}

/** Where a sign-in stands: a second factor still owed, or signed in. */
export type SignInStep =
  { step: 'mfa'; mfaToken: string } | { step: 'done'; mfaEnrolmentRequired: boolean };

export interface ApiResponse<T> {
  body: T;
  headers: Headers;
}

/**
 * The error body react-admin receives: the API's own error, plus `errors` keyed by field so that a
 * form shows each message beside its input.
 */
export type ErrorBody = Partial<ApiError> & { errors?: Record<string, string> };

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof ApiError, unknown>>;

  return (
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === 'string'
  );
}

async function readBody(response: Pick<Response, 'text'>): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy or gateway page instead of the API's JSON: the status alone will have to explain it.
    return text;
  }
}

/** Turns a failed response into the HttpError react-admin shows in its notifications. */
export function toHttpError(status: number, body: unknown): HttpError {
  if (!isApiError(body)) {
    const message =
      status >= 500
        ? 'The server could not answer. Please try again in a few minutes.'
        : `The request failed (status ${status}).`;

    return new HttpError(message, status, { message } satisfies ErrorBody);
  }

  const message =
    body.errorId === undefined ? body.message : `${body.message} (error reference ${body.errorId})`;
  const errors = Object.fromEntries(
    Object.entries(body.fields ?? {}).map(([field, messages]) => [field, messages.join('. ')]),
  );

  return new HttpError(message, status, { ...body, errors } satisfies ErrorBody);
}

/**
 * Talks to the API with a short-lived access token held in memory only; the refresh token stays in
 * an HttpOnly cookie, so a reload restores the session through `refresh()`.
 */
export class ApiClient {
  private accessToken: string | null = null;
  private refreshInFlight: Promise<boolean> | null = null;

  constructor(
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
    private readonly baseUrl = '/api/v1',
  ) {}

  get hasSession(): boolean {
    return this.accessToken !== null;
  }

  /** Signs in, or answers the challenge a staff member with an authenticator app must meet. */
  async signIn(body: { email: string; password: string; clinicId?: string }): Promise<SignInStep> {
    const { body: answer } = await this.send<SignInResponse>(
      '/auth/sign-in',
      { method: 'POST', body },
      false,
    );
    if ('mfaRequired' in answer) {
      return { step: 'mfa', mfaToken: answer.mfaToken };
    }

    return this.hold(answer);
  }

  /** The second step of a sign-in: a code from the authenticator app, or a recovery code. */
  async completeMfa(body: MfaSignInRequest): Promise<SignInStep> {
    const { body: session } = await this.send<SessionResponse>(
      '/auth/mfa',
      { method: 'POST', body },
      false,
    );

    return this.hold(session);
  }

  private hold(session: SessionResponse): SignInStep {
    this.accessToken = session.accessToken;

    return { step: 'done', mfaEnrolmentRequired: session.mfaEnrolmentRequired === true };
  }

  async signOut(): Promise<void> {
    try {
      await this.send<void>('/auth/sign-out', { method: 'POST' }, false);
    } finally {
      this.accessToken = null;
    }
  }

  /**
   * Trades the refresh cookie for a new access token. Concurrent callers share one request: the
   * cookie rotates on every use, so a second parallel refresh would present a spent token.
   */
  refresh(): Promise<boolean> {
    this.refreshInFlight ??= this.send<SessionResponse>('/auth/refresh', { method: 'POST' }, false)
      .then(({ body }) => {
        this.accessToken = body.accessToken;

        return true;
      })
      .catch((error: unknown) => {
        this.accessToken = null;
        if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
          return false;
        }
        throw error;
      })
      .finally(() => {
        this.refreshInFlight = null;
      });

    return this.refreshInFlight;
  }

  /** Calls an authenticated route; on a 401 it refreshes the session once and tries again. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    try {
      return await this.send<T>(path, options, true);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 401 || !(await this.refresh())) {
        throw error;
      }

      return this.send<T>(path, options, true);
    }
  }

  private async send<T>(
    path: string,
    options: RequestOptions,
    authenticated: boolean,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (authenticated && this.accessToken !== null) {
      headers.Authorization = `Bearer ${this.accessToken}`;
    }

    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
      });
    } catch {
      const message = 'Could not reach the server. Check your connection and try again.';
      throw new HttpError(message, 0, { message } satisfies ErrorBody);
    }

    const body = await readBody(response);
    if (!response.ok) {
      throw toHttpError(response.status, body);
    }

    return { body: body as T, headers: response.headers };
  }
}
