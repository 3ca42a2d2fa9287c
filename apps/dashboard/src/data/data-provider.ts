import {
  AUDIT_ACTIONS,
  PATIENT_SORT_FIELDS,
  PATIENT_STATUSES,
  type ApplyPathwayResult,
  type AssignmentGroups,
  type AuditAction,
  type AuditEvent,
  type ClinicianChoice,
  type EnrolPatientRequest,
  type Page,
  type Pathway,
  type PatientDetail,
  type PatientInvitationSent,
  type PatientSortField,
  type PatientStatus,
  type ReadinessBoard,
  type ScheduledCourse,
  type ScheduleInfusionRequest,
} from '@ivks/contracts';
import {
  HttpError,
  type DataProvider,
  type GetListParams,
  type GetManyParams,
  type GetOneParams,
  type RaRecord,
} from 'react-admin';
import type { ApiClient } from '../api/api-client';
import { emailDeliveryListQuery } from '../email-deliveries/email-delivery-query';
import { journalMethods, type JournalMethods } from '../journal/journal-methods';
import { startOfDayInZone } from '../time/format-in-zone';

const DEFAULT_PER_PAGE = 25;

// Columns that show one field but sort by another the API knows.
const SORT_ALIASES: Record<string, PatientSortField> = { name: 'familyName' };

function isSortField(field: string): field is PatientSortField {
  return (PATIENT_SORT_FIELDS as readonly string[]).includes(field);
}

function isStatus(value: unknown): value is PatientStatus {
  return typeof value === 'string' && (PATIENT_STATUSES as readonly string[]).includes(value);
}

function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pageQuery(params: Partial<GetListParams>): URLSearchParams {
  const query = new URLSearchParams();
  const page = params.pagination?.page ?? 1;
  const perPage = params.pagination?.perPage ?? DEFAULT_PER_PAGE;
  query.set('page', String(Math.max(1, page)));
  query.set('perPage', String(perPage));

  return query;
}

/** Maps react-admin's list parameters to the patient list's query string. */
export function patientListQuery(params: Partial<GetListParams>): URLSearchParams {
  const query = pageQuery(params);

  const field = params.sort?.field;
  const sort = field === undefined ? undefined : (SORT_ALIASES[field] ?? field);
  if (sort !== undefined && isSortField(sort)) {
    query.set('sort', sort);
    query.set('order', params.sort?.order === 'DESC' ? 'DESC' : 'ASC');
  }

  const filter = (params.filter ?? {}) as Record<string, unknown>;
  if (typeof filter.q === 'string' && filter.q.trim() !== '') {
    query.set('q', filter.q.trim());
  }
  if (isStatus(filter.status)) {
    query.set('status', filter.status);
  }

  return query;
}

/** An audit event as react-admin lists it: its place in the clinic's trail is its id. */
export type AuditEventRecord = AuditEvent & { id: number };

/**
 * Maps react-admin's list parameters to the audit trail's query string. The trail is always
 * newest first, so the sort is not sent. The date filters (`fromDate`, `toDate`, both included)
 * are whole days on the clinic's clock, which the list passes as the `timeZone` filter.
 */
export function auditEventListQuery(params: Partial<GetListParams>): URLSearchParams {
  const query = pageQuery(params);
  const filter = (params.filter ?? {}) as Record<string, unknown>;
  if (isAuditAction(filter.action)) {
    query.set('action', filter.action);
  }
  for (const key of ['actorUserId', 'subjectId']) {
    const id = filter[key];
    if (typeof id === 'string' && UUID.test(id)) {
      query.set(key, id);
    }
  }

  const timeZone = typeof filter.timeZone === 'string' ? filter.timeZone : 'UTC';
  const from =
    typeof filter.fromDate === 'string' ? startOfDayInZone(filter.fromDate, timeZone) : null;
  const to =
    typeof filter.toDate === 'string' ? startOfDayInZone(filter.toDate, timeZone, 1) : null;
  if (from !== null) {
    query.set('from', from);
  }
  // The API refuses an end before the start; the list then runs from the start alone.
  if (to !== null && (from === null || to > from)) {
    query.set('to', to);
  }

  return query;
}

/**
 * The number of matching rows. React-admin moves back to the last page when asked for one past it,
 * which only works with the real total, so an answer without one is an error, not a guess.
 */
export function totalOf(body: Partial<Page<unknown>>, headers: Pick<Headers, 'get'>): number {
  if (typeof body.total === 'number') {
    return body.total;
  }
  const header = headers.get('X-Total-Count');
  const fromHeader = header === null ? Number.NaN : Number(header);
  if (Number.isInteger(fromHeader) && fromHeader >= 0) {
    return fromHeader;
  }

  throw new HttpError('The server did not say how many records there are.', 500, {});
}

function unsupported(action: string, resource: string): Promise<never> {
  return Promise.reject(
    new HttpError(`The dashboard cannot ${action} ${resource} yet.`, 501, { code: 'unsupported' }),
  );
}

function pickEnrolment(data: Partial<EnrolPatientRequest>): EnrolPatientRequest {
  const phone = data.phone?.trim();

  // The API refuses unknown fields, so send exactly what enrolment takes.
  return {
    givenName: data.givenName ?? '',
    familyName: data.familyName ?? '',
    email: data.email ?? '',
    timeZone: data.timeZone ?? '',
    ...(phone === undefined || phone === '' ? {} : { phone }),
    // An empty choice leaves the API's default: the enrolling clinician.
    ...(data.careTeam === undefined || data.careTeam.length === 0
      ? {}
      : { careTeam: data.careTeam }),
  };
}

/** The fields of the schedule form: the patient it is for, and what the API takes. */
export type ScheduleInfusionForm = ScheduleInfusionRequest & { patientId: string };

function pickSchedule(data: Partial<ScheduleInfusionForm>): ScheduleInfusionRequest {
  return {
    scheduledAt: data.scheduledAt ?? '',
    ...(data.durationMinutes === undefined ? {} : { durationMinutes: data.durationMinutes }),
  };
}

function path(...segments: (string | number)[]): string {
  return `/${segments.map((segment) => encodeURIComponent(String(segment))).join('/')}`;
}

/** What the dashboard asks of the API beyond react-admin's record methods. */
export interface CareMethods {
  /** Schedules a course's infusions at once; all of them, or none. */
  scheduleCourse(patientId: string, infusions: ScheduleInfusionRequest[]): Promise<ScheduledCourse>;
  listPathways(): Promise<Pathway[]>;
  applyPathway(patientId: string, pathwayId: string): Promise<ApplyPathwayResult>;
  patientAssignments(patientId: string): Promise<AssignmentGroups>;
  /** One day's board on the clinic's clock; today there when no date is given. */
  readinessBoard(date?: string): Promise<ReadinessBoard>;
  /** The clinicians a care team can be chosen from. */
  listClinicians(): Promise<ClinicianChoice[]>;
  /** Emails a new invitation; the link sent before stops working. */
  resendInvitation(patientId: string): Promise<PatientInvitationSent>;
  dischargePatient(patientId: string): Promise<PatientDetail>;
  readmitPatient(patientId: string): Promise<PatientDetail>;
}

export type CareDataProvider = DataProvider & CareMethods & JournalMethods;

function careMethods(api: ApiClient): CareMethods {
  return {
    scheduleCourse: async (patientId, infusions) => {
      const { body } = await api.request<ScheduledCourse>(path('patients', patientId, 'course'), {
        method: 'POST',
        body: { infusions },
      });

      return body;
    },

    listPathways: async () => {
      const { body } = await api.request<Page<Pathway>>('/pathways');

      return body.data;
    },

    applyPathway: async (patientId, pathwayId) => {
      const { body } = await api.request<ApplyPathwayResult>(
        path('patients', patientId, 'pathways'),
        { method: 'POST', body: { pathwayId } },
      );

      return body;
    },

    patientAssignments: async (patientId) => {
      const { body } = await api.request<AssignmentGroups>(
        path('patients', patientId, 'assignments'),
      );

      return body;
    },

    readinessBoard: async (date) => {
      const query = date === undefined || date === '' ? '' : `?${new URLSearchParams({ date })}`;
      const { body } = await api.request<ReadinessBoard>(`/readiness${query}`);

      return body;
    },

    listClinicians: async () => {
      const { body } = await api.request<ClinicianChoice[]>('/clinicians');

      return body;
    },

    resendInvitation: async (patientId) => {
      const { body } = await api.request<PatientInvitationSent>(
        path('patients', patientId, 'invitation'),
        { method: 'POST' },
      );

      return body;
    },

    dischargePatient: async (patientId) => {
      const { body } = await api.request<PatientDetail>(path('patients', patientId, 'discharge'), {
        method: 'POST',
      });

      return body;
    },

    readmitPatient: async (patientId) => {
      const { body } = await api.request<PatientDetail>(path('patients', patientId, 'readmit'), {
        method: 'POST',
      });

      return body;
    },
  };
}

export function createDataProvider(api: ApiClient): CareDataProvider {
  const getOne = async <RecordType extends RaRecord>(resource: string, id: RaRecord['id']) => {
    if (resource !== 'patients' && resource !== 'infusions') {
      return unsupported('show', resource);
    }
    const { body } = await api.request<RecordType>(path(resource, id));

    return { data: body };
  };

  return {
    ...careMethods(api),
    ...journalMethods(api),

    getList: async <RecordType extends RaRecord>(resource: string, params: GetListParams) => {
      if (resource === 'audit-events') {
        const { body, headers } = await api.request<Page<AuditEvent>>(
          `/audit-events?${auditEventListQuery(params).toString()}`,
        );
        const records: AuditEventRecord[] = body.data.map((event) => ({ ...event, id: event.seq }));

        return { data: records as unknown as RecordType[], total: totalOf(body, headers) };
      }
      if (resource === 'email-deliveries') {
        const { body, headers } = await api.request<Page<RecordType>>(
          `/email-deliveries?${emailDeliveryListQuery(params).toString()}`,
        );

        return { data: body.data, total: totalOf(body, headers) };
      }
      if (resource !== 'patients') {
        return unsupported('list', resource);
      }
      const { body, headers } = await api.request<Page<RecordType>>(
        `/patients?${patientListQuery(params).toString()}`,
      );

      return { data: body.data, total: totalOf(body, headers) };
    },

    getOne: <RecordType extends RaRecord>(resource: string, params: GetOneParams<RecordType>) =>
      getOne<RecordType>(resource, params.id),

    getMany: async <RecordType extends RaRecord>(
      resource: string,
      params: GetManyParams<RecordType>,
    ) => {
      const records = await Promise.all(params.ids.map((id) => getOne<RecordType>(resource, id)));

      return { data: records.map((record) => record.data) };
    },

    create: async <RecordType extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord>(
      resource: string,
      params: { data: Partial<RecordType> },
    ) => {
      if (resource === 'patients') {
        const enrolment = pickEnrolment(params.data);
        const { body } = await api.request<ResultRecordType>('/patients', {
          method: 'POST',
          body: enrolment,
        });

        return { data: body };
      }
      if (resource === 'infusions') {
        const form = params.data as Partial<ScheduleInfusionForm>;
        if (form.patientId === undefined || form.patientId === '') {
          throw new HttpError('Choose the patient to schedule the infusion for.', 400, {});
        }
        const { body } = await api.request<ResultRecordType>(
          path('patients', form.patientId, 'infusions'),
          { method: 'POST', body: pickSchedule(form) },
        );

        return { data: body };
      }

      return unsupported('create', resource);
    },

    getManyReference: (resource) => unsupported('list related', resource),
    update: (resource) => unsupported('change', resource),
    updateMany: (resource) => unsupported('change', resource),
    delete: (resource) => unsupported('delete', resource),
    deleteMany: (resource) => unsupported('delete', resource),
  };
}
