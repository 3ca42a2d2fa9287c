import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { contentBySlug } from '@ivks/content';
import type {
  ReadinessAnswers,
  ReadinessBoard,
  ReadinessBoardRow,
  ReadinessView,
} from '@ivks/contracts';
import {
  Assignment,
  AssignmentChecklistTick,
  Clinic,
  Infusion,
  InfusionReadiness,
  Patient,
  TenantTransactions,
} from '@ivks/server';
import { DateTime } from 'luxon';
import { And, In, LessThan, MoreThanOrEqual, Not } from 'typeorm';
import { AppException } from '../common/app.exception';

/** Infusion-day readiness: the patient's own answers, and the clinic's board of a day. */
@Injectable()
export class ReadinessService {
  constructor(private readonly tenants: TenantTransactions) {}

  async mine(userId: string, infusionId: string): Promise<ReadinessView> {
    const infusion = await this.ownInfusion(userId, infusionId);
    const saved = await this.tenants
      .repository(InfusionReadiness)
      .findOneBy({ clinicId: infusion.clinicId, infusionId });

    return saved ? readinessView(saved) : nothingSaved(infusionId);
  }

  /**
   * Saves the patient's answers. The same answers again change nothing, so `updatedAt` stays;
   * `confirmedAt` is kept while all three stay true, and cleared when one is taken back.
   */
  async save(
    userId: string,
    infusionId: string,
    answers: ReadinessAnswers,
  ): Promise<ReadinessView> {
    const infusion = await this.ownInfusion(userId, infusionId);
    if (infusion.status === 'cancelled') {
      throw new AppException(
        'infusion_cancelled',
        'This infusion was cancelled, so there is nothing to get ready for. ' +
          'Your clinic will be in touch about a new time.',
      );
    }
    if (infusion.status === 'completed') {
      throw new AppException(
        'infusion_completed',
        'This infusion has already taken place, so its readiness can no longer be changed.',
      );
    }
    await this.tenants.manager.query(
      `INSERT INTO infusion_readiness AS r
         (clinic_id, id, infusion_id, patient_id,
          ride_arranged, instructions_followed, chaperone_briefed, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $5 AND $6 AND $7 THEN now() END)
       ON CONFLICT (clinic_id, infusion_id) DO UPDATE
         SET ride_arranged = EXCLUDED.ride_arranged,
             instructions_followed = EXCLUDED.instructions_followed,
             chaperone_briefed = EXCLUDED.chaperone_briefed,
             confirmed_at = CASE
               WHEN EXCLUDED.ride_arranged AND EXCLUDED.instructions_followed
                 AND EXCLUDED.chaperone_briefed
               THEN coalesce(r.confirmed_at, now())
             END,
             updated_at = now()
         WHERE (r.ride_arranged, r.instructions_followed, r.chaperone_briefed)
           IS DISTINCT FROM
           (EXCLUDED.ride_arranged, EXCLUDED.instructions_followed, EXCLUDED.chaperone_briefed)`,
      [
        infusion.clinicId,
        randomUUID(),
        infusion.id,
        infusion.patientId,
        answers.rideArranged,
        answers.instructionsFollowed,
        answers.chaperoneBriefed,
      ],
    );
    const saved = await this.tenants
      .repository(InfusionReadiness)
      .findOneByOrFail({ clinicId: infusion.clinicId, infusionId });

    return readinessView(saved);
  }

  /** The clinic's infusions of one calendar day in the clinic's own time zone, in time order. */
  async board(date: string | undefined): Promise<ReadinessBoard> {
    const { clinicId } = this.tenants.scope;
    const clinic = await this.tenants.repository(Clinic).findOneByOrFail({ id: clinicId });
    const day = date
      ? DateTime.fromISO(date, { zone: clinic.timeZone }).startOf('day')
      : DateTime.now().setZone(clinic.timeZone).startOf('day');
    const infusions = await this.tenants.repository(Infusion).find({
      where: {
        clinicId,
        status: Not('cancelled'),
        scheduledAt: And(
          MoreThanOrEqual(day.toJSDate()),
          LessThan(day.plus({ days: 1 }).toJSDate()),
        ),
      },
      order: { scheduledAt: 'ASC', id: 'ASC' },
    });
    const infusionIds = infusions.map((infusion) => infusion.id);
    const patients =
      infusions.length === 0
        ? []
        : await this.tenants.repository(Patient).findBy({
            clinicId,
            id: In([...new Set(infusions.map((infusion) => infusion.patientId))]),
          });
    const readiness =
      infusions.length === 0
        ? []
        : await this.tenants
            .repository(InfusionReadiness)
            .findBy({ clinicId, infusionId: In(infusionIds) });
    const patientsById = new Map(patients.map((patient) => [patient.id, patient]));
    const readinessByInfusion = new Map(readiness.map((row) => [row.infusionId, row]));
    const checklists = await this.checklistProgress(infusionIds);

    return {
      date: day.toISODate() ?? '',
      timeZone: clinic.timeZone,
      rows: infusions.map((infusion): ReadinessBoardRow => {
        const patient = patientsById.get(infusion.patientId);
        const saved = readinessByInfusion.get(infusion.id);

        return {
          infusionId: infusion.id,
          patientId: infusion.patientId,
          patientName: patient ? `${patient.givenName} ${patient.familyName}` : '',
          patientTimeZone: patient?.timeZone ?? clinic.timeZone,
          scheduledAt: infusion.scheduledAt.toISOString(),
          status: infusion.status,
          readiness: saved ? readinessView(saved) : null,
          checklist: checklists.get(infusion.id) ?? { ticked: 0, total: 0 },
        };
      }),
    };
  }

  /** Entries ticked of all entries, over each infusion's open or done checklist assignments. */
  private async checklistProgress(
    infusionIds: string[],
  ): Promise<Map<string, { ticked: number; total: number }>> {
    const { clinicId } = this.tenants.scope;
    const assignments =
      infusionIds.length === 0
        ? []
        : (
            await this.tenants.repository(Assignment).findBy({
              clinicId,
              infusionId: In(infusionIds),
              status: In(['open', 'done']),
            })
          ).filter((assignment) => contentBySlug(assignment.contentSlug)?.kind === 'checklist');
    const ticks =
      assignments.length === 0
        ? []
        : await this.tenants.repository(AssignmentChecklistTick).findBy({
            clinicId,
            assignmentId: In(assignments.map((assignment) => assignment.id)),
            checked: true,
          });
    const progress = new Map<string, { ticked: number; total: number }>();
    for (const assignment of assignments) {
      const content = contentBySlug(assignment.contentSlug);
      const items = content?.kind === 'checklist' ? content.items.map((item) => item.id) : [];
      const ticked = ticks.filter(
        (tick) => tick.assignmentId === assignment.id && items.includes(tick.itemId),
      ).length;
      const sum = progress.get(assignment.infusionId ?? '') ?? { ticked: 0, total: 0 };
      progress.set(assignment.infusionId ?? '', {
        ticked: sum.ticked + ticked,
        total: sum.total + items.length,
      });
    }

    return progress;
  }

  /** One infusion of the signed-in patient; any other answers as if it did not exist. */
  private async ownInfusion(userId: string, infusionId: string): Promise<Infusion> {
    const { clinicId } = this.tenants.scope;
    const patient = await this.tenants.repository(Patient).findOneBy({ clinicId, userId });
    const infusion = patient
      ? await this.tenants
          .repository(Infusion)
          .findOneBy({ clinicId, id: infusionId, patientId: patient.id })
      : null;
    if (!infusion) {
      throw new AppException('infusion_not_found', 'You have no infusion with this id.');
    }

    return infusion;
  }
}

function readinessView(saved: InfusionReadiness): ReadinessView {
  return {
    infusionId: saved.infusionId,
    rideArranged: saved.rideArranged,
    instructionsFollowed: saved.instructionsFollowed,
    chaperoneBriefed: saved.chaperoneBriefed,
    confirmedAt: saved.confirmedAt?.toISOString() ?? null,
    updatedAt: saved.updatedAt.toISOString(),
  };
}

function nothingSaved(infusionId: string): ReadinessView {
  return {
    infusionId,
    rideArranged: false,
    instructionsFollowed: false,
    chaperoneBriefed: false,
    confirmedAt: null,
    updatedAt: null,
  };
}
