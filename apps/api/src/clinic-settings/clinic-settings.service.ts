import { Injectable } from '@nestjs/common';
import type { ClinicSettings, ClinicSettingsField } from '@ivks/contracts';
import { AuditTrail, Clinic, TenantTransactions } from '@ivks/server';
import type { UpdateClinicSettingsDto } from './dto/clinic-settings.dto';

const FIELDS: ClinicSettingsField[] = ['name', 'timeZone', 'phone', 'mfaRequired'];

@Injectable()
export class ClinicSettingsService {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly audit: AuditTrail,
  ) {}

  async get(): Promise<ClinicSettings> {
    return settingsView(await this.clinic());
  }

  /** Only the fields that are given and differ are written, and the audit event names them. */
  async update(request: UpdateClinicSettingsDto): Promise<ClinicSettings> {
    const clinic = await this.clinic();
    const changes: Partial<Pick<Clinic, ClinicSettingsField>> = {};
    for (const field of FIELDS) {
      const value = request[field];
      if (value !== undefined && value !== clinic[field]) {
        Object.assign(changes, { [field]: value });
      }
    }
    const fields = Object.keys(changes);
    if (fields.length === 0) {
      return settingsView(clinic);
    }
    await this.tenants.manager.update(Clinic, { id: clinic.id }, changes);
    await this.audit.record({
      action: 'clinic.settings_changed',
      subject: { type: 'clinic', id: clinic.id },
      details: {
        fields,
        ...(changes.mfaRequired !== undefined && { mfaRequired: changes.mfaRequired }),
      },
    });

    return settingsView({ ...clinic, ...changes });
  }

  private clinic(): Promise<Clinic> {
    return this.tenants.manager.findOneByOrFail(Clinic, { id: this.tenants.scope.clinicId });
  }
}

function settingsView(clinic: Clinic): ClinicSettings {
  return {
    id: clinic.id,
    name: clinic.name,
    timeZone: clinic.timeZone,
    phone: clinic.phone,
    mfaRequired: clinic.mfaRequired,
    createdAt: clinic.createdAt.toISOString(),
  };
}
