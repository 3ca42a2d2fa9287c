import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  Infusion as InfusionView,
  RescheduleInfusionRequest,
  ScheduleCourseRequest,
  ScheduledCourse,
  ScheduleInfusionRequest,
} from '@ivks/contracts';
import {
  INFUSION_EVENTS,
  Infusion,
  type InfusionScheduledJob,
  Patient,
  isUniqueViolation,
  ReminderScheduler,
  TenantTransactions,
} from '@ivks/server';
import { Queue } from 'bullmq';
import { In, Not } from 'typeorm';
import { AssignmentsService } from '../assignments/assignments.service';
import { AppException } from '../common/app.exception';
import { describeInstant } from '../common/describe-instant';
import { infusionView } from './infusion.view';

const DEFAULT_DURATION_MINUTES = 60;

@Injectable()
export class InfusionsService {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly assignments: AssignmentsService,
    private readonly reminders: ReminderScheduler,
    @Inject(INFUSION_EVENTS) private readonly infusionEvents: Queue<InfusionScheduledJob>,
  ) {}

  async get(id: string): Promise<InfusionView> {
    return infusionView(await this.find(id));
  }

  async schedule(patientId: string, request: ScheduleInfusionRequest): Promise<InfusionView> {
    const infusion = this.build(await this.schedulablePatient(patientId), request);
    await this.insert([infusion], 'scheduledAt');

    return infusionView(infusion);
  }

  /** Schedules several infusions of a course at once: all of them, or, if any clashes, none. */
  async scheduleCourse(
    patientId: string,
    request: ScheduleCourseRequest,
  ): Promise<ScheduledCourse> {
    const patient = await this.schedulablePatient(patientId);
    const wanted = request.infusions.map((infusion) => new Date(infusion.scheduledAt).getTime());
    const clashes = await this.tenants.repository(Infusion).find({
      where: {
        clinicId: this.tenants.scope.clinicId,
        patientId,
        status: Not('cancelled'),
        scheduledAt: In(wanted.map((time) => new Date(time))),
      },
    });
    if (clashes.length > 0) {
      const taken = new Set(clashes.map((infusion) => infusion.scheduledAt.getTime()));
      const fields: Record<string, string[]> = {};
      for (const [index, time] of wanted.entries()) {
        if (taken.has(time)) {
          fields[`infusions.${index}.scheduledAt`] = [
            'This patient already has an infusion at that time',
          ];
        }
      }
      const times = clashes.map((infusion) =>
        describeInstant(infusion.scheduledAt, patient.timeZone),
      );
      throw new AppException(
        'infusion_slot_taken',
        `This patient already has an infusion on ${times.join(' and on ')}. ` +
          'Choose other times for those, or leave them out.',
        undefined,
        fields,
      );
    }
    const infusions = request.infusions.map((infusion) => this.build(patient, infusion));
    await this.insert(infusions, 'infusions');

    return {
      infusions: infusions
        .sort((one, other) => one.scheduledAt.getTime() - other.scheduledAt.getTime())
        .map(infusionView),
    };
  }

  /** Moves an infusion or changes its length; its open assignments move with it. */
  async reschedule(id: string, request: RescheduleInfusionRequest): Promise<InfusionView> {
    if (request.scheduledAt === undefined && request.durationMinutes === undefined) {
      throw new AppException(
        'validation_failed',
        'Please correct the request: send a new scheduledAt, a new durationMinutes, or both.',
      );
    }
    const infusion = await this.find(id, true);
    this.assertNotCancelled(infusion, 'moved');
    this.assertNotCompleted(infusion, 'moved');
    const patient = await this.schedulablePatient(infusion.patientId);
    const moved =
      request.scheduledAt !== undefined &&
      new Date(request.scheduledAt).getTime() !== infusion.scheduledAt.getTime();
    if (request.scheduledAt !== undefined) {
      infusion.scheduledAt = new Date(request.scheduledAt);
    }
    infusion.durationMinutes = request.durationMinutes ?? infusion.durationMinutes;
    try {
      await this.tenants
        .repository(Infusion)
        .update(
          { clinicId: infusion.clinicId, id },
          { scheduledAt: infusion.scheduledAt, durationMinutes: infusion.durationMinutes },
        );
    } catch (error) {
      throw isUniqueViolation(error) ? slotTaken('scheduledAt') : error;
    }
    if (moved) {
      await this.assignments.followInfusion(infusion, patient.timeZone);
    }
    await this.reminders.forInfusions([id]);

    return infusionView(infusion);
  }

  /** Cancels an infusion and withdraws its open assignments; a second cancel changes nothing. */
  async cancel(id: string): Promise<InfusionView> {
    const infusion = await this.find(id, true);
    this.assertNotCompleted(infusion, 'cancelled');
    if (infusion.status === 'scheduled') {
      infusion.status = 'cancelled';
      await this.tenants
        .repository(Infusion)
        .update({ clinicId: infusion.clinicId, id }, { status: infusion.status });
      await this.assignments.withdrawForInfusion(id);
      await this.reminders.forInfusions([id]);
    }

    return infusionView(infusion);
  }

  /** Records that an infusion took place; its assignments stay as they are. */
  async complete(id: string): Promise<InfusionView> {
    const infusion = await this.find(id, true);
    this.assertNotCancelled(infusion, 'marked completed');
    if (infusion.status === 'scheduled') {
      infusion.status = 'completed';
      await this.tenants
        .repository(Infusion)
        .update({ clinicId: infusion.clinicId, id }, { status: infusion.status });
      await this.reminders.forInfusions([id]);
    }

    return infusionView(infusion);
  }

  private async find(id: string, forUpdate = false): Promise<Infusion> {
    const infusion = await this.tenants.repository(Infusion).findOne({
      where: { clinicId: this.tenants.scope.clinicId, id },
      ...(forUpdate && { lock: { mode: 'pessimistic_write' } }),
    });
    if (!infusion) {
      throw new AppException(
        'infusion_not_found',
        'There is no infusion with this id in your clinic.',
      );
    }

    return infusion;
  }

  private async schedulablePatient(patientId: string): Promise<Patient> {
    const patient = await this.tenants
      .repository(Patient)
      .findOneBy({ clinicId: this.tenants.scope.clinicId, id: patientId });
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'There is no patient with this id in your clinic.',
      );
    }
    if (patient.status === 'discharged') {
      throw new AppException(
        'patient_discharged',
        'This patient has been discharged, so their infusions can no longer be scheduled or moved.',
      );
    }

    return patient;
  }

  private build(patient: Patient, request: ScheduleInfusionRequest): Infusion {
    return this.tenants.repository(Infusion).create({
      clinicId: this.tenants.scope.clinicId,
      id: randomUUID(),
      patientId: patient.id,
      scheduledAt: new Date(request.scheduledAt),
      durationMinutes: request.durationMinutes ?? DEFAULT_DURATION_MINUTES,
      status: 'scheduled',
    });
  }

  /** Inserts new infusions and announces each; a clash is reported against `field`. */
  private async insert(infusions: Infusion[], field: string): Promise<void> {
    try {
      await this.tenants.repository(Infusion).insert(infusions);
    } catch (error) {
      throw isUniqueViolation(error) ? slotTaken(field) : error;
    }
    await this.reminders.forInfusions(infusions.map((infusion) => infusion.id));
    await this.infusionEvents.addBulk(
      infusions.map((infusion) => ({
        name: 'infusion-scheduled',
        data: { clinicId: infusion.clinicId, infusionId: infusion.id },
        opts: {
          jobId: `infusion-scheduled-${infusion.id}`,
          removeOnComplete: 1000,
          removeOnFail: 5000,
        },
      })),
    );
  }

  private assertNotCancelled(infusion: Infusion, change: string): void {
    if (infusion.status === 'cancelled') {
      throw new AppException(
        'infusion_cancelled',
        `This infusion was cancelled, so it cannot be ${change}. Schedule a new infusion instead.`,
      );
    }
  }

  private assertNotCompleted(infusion: Infusion, change: string): void {
    if (infusion.status === 'completed') {
      throw new AppException(
        'infusion_completed',
        `This infusion has already taken place, so it cannot be ${change}.`,
      );
    }
  }
}

function slotTaken(field: string): AppException {
  return new AppException(
    'infusion_slot_taken',
    'This patient already has an infusion at that time. Choose another time.',
    undefined,
    { [field]: ['This patient already has an infusion at that time'] },
  );
}
