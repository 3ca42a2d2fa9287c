import { Injectable } from '@nestjs/common';
import type { TodayView } from '@ivks/contracts';
import { Clinic, Infusion, Patient, TenantTransactions } from '@ivks/server';
import { MoreThan, Not } from 'typeorm';
import { AppException } from '../common/app.exception';
import { infusionView } from '../infusions/infusion.view';

@Injectable()
export class TodayService {
  constructor(private readonly tenants: TenantTransactions) {}

  async forPatient(userId: string): Promise<TodayView> {
    const { clinicId } = this.tenants.scope;
    const patient = await this.tenants.repository(Patient).findOneBy({ clinicId, userId });
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'We could not find your patient record. Please contact your clinic.',
      );
    }
    const infusions = this.tenants.repository(Infusion);
    const clinic = await this.tenants.repository(Clinic).findOneByOrFail({ id: clinicId });
    const nextInfusion = await infusions.findOne({
      where: {
        clinicId,
        patientId: patient.id,
        status: 'scheduled',
        scheduledAt: MoreThan(new Date()),
      },
      order: { scheduledAt: 'ASC' },
    });
    const completedInfusions = await infusions.countBy({
      clinicId,
      patientId: patient.id,
      status: 'completed',
    });
    const totalInfusions = await infusions.countBy({
      clinicId,
      patientId: patient.id,
      status: Not('cancelled'),
    });

    return {
      patient: {
        id: patient.id,
        givenName: patient.givenName,
        familyName: patient.familyName,
        timeZone: patient.timeZone,
      },
      clinic: { name: clinic.name, phone: clinic.phone, timeZone: clinic.timeZone },
      nextInfusion: nextInfusion ? infusionView(nextInfusion) : null,
      completedInfusions,
      totalInfusions,
    };
  }
}
