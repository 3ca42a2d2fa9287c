import type { TenantScope } from '../database/tenant-scope';

export const INFUSION_EVENTS_QUEUE = 'infusion-events';

/** Every job names the clinic it belongs to; the worker opens its transaction in that clinic. */
export interface ClinicJob {
  clinicId: string;
}

export interface InfusionScheduledJob extends ClinicJob {
  infusionId: string;
}

export function systemScope(job: ClinicJob): TenantScope {
  return { clinicId: job.clinicId, userId: null, role: 'system' };
}
