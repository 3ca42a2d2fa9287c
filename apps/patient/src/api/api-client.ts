import { ERROR_CODES, type ApiError, type ErrorCode, type SessionResponse } from '@ivks/contracts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The part of fetch the client relies on, so tests can answer without a network. */
export type FetchLike = (
  url: string,
  init: RequestInit,
) => Promise<Pick<Response, 'ok' | 'status' | 'text'>>;

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
}

/** Failures noticed in the browser rather than reported by the API. */
export type ClientErrorCode = 'network_error' | 'unexpected_response' | 'not_a_patient';

export type RequestFailure = Omit<ApiError, 'code'> & { code: ErrorCode | ClientErrorCode };

/** An API call that failed, carrying the API's own error so the page can show its message. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: Record<string, string[]>;
  readonly errorId: string | undefined;
  /** Extra facts some codes carry, such as the clinics to choose from. */
  readonly details: Record<string, unknown>;

  constructor(failure: RequestFailure) {
    super(
      failure.errorId === undefined
        ? failure.message
        : `${failure.message} (error reference ${failure.errorId})`,
    );
    this.name = 'ApiRequestError';
    this.status = failure.statusCode;
    this.code = failure.code;
    this.fields = failure.fields ?? {};
    this.errorId = failure.errorId;
    this.details = failure.details ?? {};
  }
}

const NETWORK_ERROR: RequestFailure = {
  statusCode: 0,
  code: 'network_error',
  message: 'We could not reach IV Ketamine Support. Check your internet connection and try again.',
};

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
    // A proxy or gateway page instead of the API's JSON: keep the text so the error says something.
    return text;
  }
}

function toError(status: number, body: unknown): ApiRequestError {
  if (isApiError(body)) {
    const statusCode = typeof body.statusCode === 'number' ? body.statusCode : status;

    return new ApiRequestError({ ...body, statusCode });
  }

  return new ApiRequestError({
    statusCode: status,
    code: 'unexpected_response',
    message:
      status >= 500
        ? 'Something went wrong on our side. Please try again in a few minutes.'
        : `The request failed (status ${status}).`,
  });
}

/**
 * Talks to the API with a short-lived access token held in memory only. The refresh token lives in an
 * HttpOnly cookie the browser sends to the auth routes, so a reload can restore the session without
 * the page ever seeing it.
 */
export class ApiClient {
  private accessToken: string | null = null;
  private refreshInFlight: Promise<boolean> | null = null;
  private sessionLostHandler: () => void = () => undefined;

  constructor(
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
    private readonly baseUrl = '/api/v1',
  ) {}

  /** Called when the API refuses the session and it cannot be refreshed, so the page can sign out. */
  onSessionLost(handler: () => void): void {
    this.sessionLostHandler = handler;
  }

  get hasSession(): boolean {
    return this.accessToken !== null;
  }

  async signIn(body: { email: string; password: string; clinicId?: string }): Promise<void> {
    const session = await this.send<SessionResponse>(
      '/auth/sign-in',
      { method: 'POST', body },
      false,
    );
    this.accessToken = session.accessToken;
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
      .then((session) => {
        this.accessToken = session.accessToken;

        return true;
      })
      .catch((error: unknown) => {
        this.accessToken = null;
        if (error instanceof ApiRequestError && (error.status === 401 || error.status === 403)) {
          return false;
        }
        throw error;
      })
      .finally(() => {
        this.refreshInFlight = null;
      });

    return this.refreshInFlight;
  }

  /** Calls a route that needs no sign-in, such as the page a shared link opens. */
  requestWithoutSession<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>(path, options, false);
  }

  /** Calls an authenticated route; on a 401 it refreshes the session once and tries again. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    try {
      return await this.send<T>(path, options, true);
    } catch (error) {
      if (!(error instanceof ApiRequestError) || error.status !== 401) {
        throw error;
      }
      if (!(await this.refresh())) {
        this.sessionLostHandler();
        throw error;
      }

      return this.send<T>(path, options, true);
    }
  }

  private async send<T>(path: string, options: RequestOptions, authenticated: boolean): Promise<T> {
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
      throw new ApiRequestError(NETWORK_ERROR);
    }

    const body = await readBody(response);
    if (!response.ok) {
      throw toError(response.status, body);
    }

    return body as T;
  }
}
