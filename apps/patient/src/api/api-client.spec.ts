import { ApiClient, ApiRequestError, type FetchLike } from './api-client';

type Reply = { status: number; body?: unknown };

/** A fetch stand-in that answers from a script and remembers what it was asked. */
function scriptedFetch(replies: Reply[]) {
  const calls: { url: string; authorization: string | undefined }[] = [];
  const fetchFn: FetchLike = (url, init) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ url, authorization: headers.Authorization });
    const reply = replies.shift();
    if (reply === undefined) {
      return Promise.reject(new Error(`Unexpected request to ${url}`));
    }
    const text =
      reply.body === undefined
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body);

    return Promise.resolve({
      ok: reply.status >= 200 && reply.status < 300,
      status: reply.status,
      text: () => Promise.resolve(text),
    });
  };

  return { fetchFn, calls };
}

const unauthenticated = { statusCode: 401, code: 'unauthenticated', message: 'Please sign in.' };

describe('ApiClient', () => {
  it('sends the access token it got at sign-in', async () => {
    const { fetchFn, calls } = scriptedFetch([
      { status: 200, body: { accessToken: 'first', expiresIn: 900 } },
      { status: 200, body: { ok: true } },
    ]);
    const api = new ApiClient(fetchFn);

    await api.signIn({ email: 'maya@harbourside.example', password: 'secret' });
    await api.request('/today');

    expect(calls[1]).toEqual({ url: '/api/v1/today', authorization: 'Bearer first' });
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const { fetchFn, calls } = scriptedFetch([
      { status: 401, body: unauthenticated },
      { status: 200, body: { accessToken: 'second', expiresIn: 900 } },
      { status: 200, body: { name: 'Maya' } },
    ]);
    const api = new ApiClient(fetchFn);

    await expect(api.request('/today')).resolves.toEqual({ name: 'Maya' });
    expect(calls.map((call) => call.url)).toEqual([
      '/api/v1/today',
      '/api/v1/auth/refresh',
      '/api/v1/today',
    ]);
    expect(calls[2]?.authorization).toBe('Bearer second');
  });

  it('gives up and reports the lost session when the refresh is refused', async () => {
    const { fetchFn, calls } = scriptedFetch([
      { status: 401, body: unauthenticated },
      { status: 401, body: unauthenticated },
    ]);
    const api = new ApiClient(fetchFn);
    const lost = jest.fn();
    api.onSessionLost(lost);

    await expect(api.request('/today')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(2);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('shares one refresh between callers, because the refresh cookie rotates on use', async () => {
    const { fetchFn, calls } = scriptedFetch([
      { status: 200, body: { accessToken: 'token', expiresIn: 900 } },
    ]);
    const api = new ApiClient(fetchFn);

    await expect(Promise.all([api.refresh(), api.refresh()])).resolves.toEqual([true, true]);
    expect(calls).toHaveLength(1);
  });

  it('carries the API’s message, fields and error reference', async () => {
    const { fetchFn } = scriptedFetch([
      {
        status: 500,
        body: {
          statusCode: 500,
          code: 'internal_error',
          message: 'Something went wrong.',
          errorId: 'e-42',
        },
      },
    ]);
    const api = new ApiClient(fetchFn);

    const error: unknown = await api.request('/today').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      code: 'internal_error',
      errorId: 'e-42',
      message: 'Something went wrong. (error reference e-42)',
    });
  });

  it('explains a page that is not the API’s JSON, such as a proxy error', async () => {
    const { fetchFn } = scriptedFetch([{ status: 502, body: 'Bad gateway' }]);
    const api = new ApiClient(fetchFn);

    await expect(api.request('/today')).rejects.toMatchObject({
      status: 502,
      code: 'unexpected_response',
    });
  });

  it('says plainly when the network is down', async () => {
    const api = new ApiClient(() => Promise.reject(new TypeError('Failed to fetch')));

    await expect(api.request('/today')).rejects.toMatchObject({ code: 'network_error' });
  });
});
