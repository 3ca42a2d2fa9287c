import { Injectable } from '@nestjs/common';
import type { Infusion as InfusionView } from '@ivks/contracts';
import { Infusion, Patient, TenantTransactions } from '@ivks/server';
import { Not } from 'typeorm';
import { AppException } from '../common/app.exception';
import { infusionView } from '../infusions/infusion.view';

@Injectable()
export class MyInfusionsService {
  constructor(private readonly tenants: TenantTransactions) {}

  /** The signed-in patient's course: every infusion not cancelled, the earliest first. */
  async list(userId: string): Promise<InfusionView[]> {
    const { clinicId } = this.tenants.scope;
    const patient = await this.tenants.repository(Patient).findOneBy({ clinicId, userId });
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'We could not find your patient record. Please contact your clinic.',
      );
    }
    const infusions = await this.tenants.repository(Infusion).find({
      where: { clinicId, patientId: patient.id, status: Not('cancelled') },
      order: { scheduledAt: 'ASC' },
    });

    return infusions.map(infusionView);
  }
}
