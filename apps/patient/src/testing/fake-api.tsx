import type {
  Assignment,
  AssignmentGroup,
  Infusion,
  JournalEntryView,
  TodayView,
} from '@ivks/contracts';
import { contentBySlug } from '@ivks/content';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { ApiClient, type FetchLike } from '../api/api-client';
import { TicksProvider } from '../plan/ticks-context';
import { SessionProvider } from '../session/session-context';

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export type Answer = { status: number; body?: unknown };

/**
 * An API for page specs: a signed-in patient, the routes a spec lines up, and a switch that makes
 * every request fail as it does with no network. It remembers what it was asked.
 */
export function fakeApi(
  routes: Record<string, (body: unknown) => Answer>,
  me: { clinicPhone?: string } = {},
) {
  const calls: Call[] = [];
  const network = { offline: false };
  const fetchFn: FetchLike = (url, init) => {
    const path = url.replace('/api/v1', '');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, path, body });
    if (network.offline) {
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    const answer: Answer =
      path === '/auth/refresh'
        ? { status: 200, body: { accessToken: 'token', expiresIn: 900 } }
        : path === '/me'
          ? {
              status: 200,
              body: {
                role: 'patient',
                clinic: {
                  id: 'c',
                  name: 'Harbourside',
                  timeZone: NEW_YORK,
                  phone: me.clinicPhone ?? null,
                },
                displayName: 'Maya',
                email: 'maya@example.com',
                userId: 'u',
                patientId: 'p',
              },
            }
          : (routes[`${method} ${path}`]?.(body) ?? { status: 404 });
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);

    return Promise.resolve({
      ok: answer.status < 300,
      status: answer.status,
      text: () => Promise.resolve(text),
    });
  };

  return { api: new ApiClient(fetchFn), calls, network };
}

/** Renders a page as the signed-in app does, with the tick queue in the given storage. */
export function renderSignedIn(api: ApiClient, page: ReactNode, path = '/') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider api={api}>
        <TicksProvider api={api} userId="u" storage={window.localStorage}>
          {page}
        </TicksProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
}

export const NEW_YORK = 'America/New_York';

export function todayView(nextInfusion: Infusion | null = null): TodayView {
  return {
    patient: { id: 'p', givenName: 'Maya', familyName: 'Lopez', timeZone: NEW_YORK },
    clinic: { name: 'Harbourside', phone: null, timeZone: NEW_YORK },
    nextInfusion,
    completedInfusions: 3,
    totalInfusions: 6,
  };
}

export function infusion(id: string, scheduledAt: string): Infusion {
  return { id, patientId: 'p', scheduledAt, durationMinutes: 60, status: 'scheduled' };
}

/** An assignment of a built-in item; a checklist starts with nothing ticked. */
export function assignment(
  id: string,
  slug: string,
  dueAt: string,
  overrides: Partial<Assignment> = {},
): Assignment {
  const item = contentBySlug(slug);
  if (item === undefined) {
    throw new Error(`The built-in library has no item called ${slug}`);
  }

  return {
    id,
    patientId: 'p',
    infusionId: null,
    pathwayId: null,
    contentSlug: slug,
    content: {
      slug,
      kind: item.kind,
      phase: item.phase,
      title: item.title,
      summary: item.summary,
      estimatedMinutes: item.estimatedMinutes,
    },
    dueAt,
    offset: null,
    status: 'open',
    completedAt: null,
    checklist:
      item.kind === 'checklist'
        ? item.items.map((entry) => ({
            id: entry.id,
            label: entry.label,
            clinicInstruction: entry.clinicInstruction ?? null,
            checked: false,
          }))
        : null,
    ...overrides,
  };
}

export function groups(...entries: AssignmentGroup[]): { groups: AssignmentGroup[] } {
  return { groups: entries };
}

/** A saved, private journal entry of the signed-in patient. */
export function journalEntry(
  id: string,
  text: string,
  overrides: Partial<JournalEntryView> = {},
): JournalEntryView {
  return {
    id,
    clientId: `client-${id}`,
    text,
    mood: null,
    tags: [],
    promptSlug: null,
    infusionId: null,
    status: 'saved',
    createdAt: '2026-12-01T15:00:00Z',
    updatedAt: '2026-12-01T15:00:00Z',
    sharing: { shared: false, via: null, since: null },
    replies: [],
    reads: [],
    ...overrides,
  };
}
