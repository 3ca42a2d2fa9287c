import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Infusion as InfusionView } from '@ivks/contracts';
import {
  INFUSION_EVENTS,
  Infusion,
  type InfusionScheduledJob,
  Patient,
  isUniqueViolation,
  TenantTransactions,
} from '@ivks/server';
import { Queue } from 'bullmq';
import { AppException } from '../common/app.exception';
import type { ScheduleInfusionDto } from './dto/schedule-infusion.dto';
import { infusionView } from './infusion.view';

@Injectable()
export class InfusionsService {
  constructor(
    private readonly tenants: TenantTransactions,
    @Inject(INFUSION_EVENTS) private readonly infusionEvents: Queue<InfusionScheduledJob>,
  ) {}

  async get(id: string): Promise<InfusionView> {
    const infusion = await this.tenants
      .repository(Infusion)
      .findOneBy({ clinicId: this.tenants.scope.clinicId, id });
    if (!infusion) {
      throw new AppException(
        'infusion_not_found',
        'There is no infusion with this id in your clinic.',
      );
    }

    return infusionView(infusion);
  }

  async schedule(patientId: string, request: ScheduleInfusionDto): Promise<InfusionView> {
    const clinicId = this.tenants.scope.clinicId;
    const patient = await this.tenants.repository(Patient).findOneBy({ clinicId, id: patientId });
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'There is no patient with this id in your clinic.',
      );
    }
    if (patient.status === 'discharged') {
      throw new AppException(
        'patient_discharged',
        'This patient has been discharged, so no new infusions can be scheduled.',
      );
    }
    const infusion = this.tenants.repository(Infusion).create({
      clinicId,
      id: randomUUID(),
      patientId,
      scheduledAt: new Date(request.scheduledAt),
      durationMinutes: request.durationMinutes ?? 60,
      status: 'scheduled',
    });
    try {
      await this.tenants.repository(Infusion).insert(infusion);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppException(
          'infusion_slot_taken',
          'This patient already has an infusion at that time. Choose another time.',
          undefined,
          { scheduledAt: ['This patient already has an infusion at that time'] },
        );
      }
      throw error;
    }
    await this.infusionEvents.add(
      'infusion-scheduled',
      { clinicId, infusionId: infusion.id },
      { jobId: `infusion-scheduled-${infusion.id}`, removeOnComplete: 1000, removeOnFail: 5000 },
    );

    return infusionView(infusion);
  }
}
