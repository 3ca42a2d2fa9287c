import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { contentOfKind } from '@ivks/content';
import type {
  ChaperoneView,
  CreatedPatientLink,
  PatientLinkPurpose,
  PatientLinkView,
} from '@ivks/contracts';
import { Patient, PatientLink, TenantTransactions } from '@ivks/server';
import { DataSource, IsNull } from 'typeorm';
import { AppException } from '../common/app.exception';
import {
  decodeSecretToken,
  encodeSecretToken,
  hashSecret,
  newSecret,
} from '../common/secret-token';
import { calendarFeed } from './calendar-feed';

const LINK_GONE = 'This link does not work any more. Ask the person who shared it for a new one.';

interface CalendarRow {
  infusion_id: string | null;
  scheduled_at: Date | null;
  duration_minutes: number | null;
}

interface ChaperoneRow {
  given_name: string;
  clinic_name: string;
  clinic_phone: string | null;
  time_zone: string;
  scheduled_at: Date | null;
  duration_minutes: number | null;
}

@Injectable()
export class PatientLinksService {
  constructor(
    private readonly tenants: TenantTransactions,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async list(): Promise<PatientLinkView[]> {
    const patient = await this.signedInPatient();
    const links = await this.tenants.repository(PatientLink).find({
      where: { clinicId: patient.clinicId, patientId: patient.id, revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });

    return links.map(linkView);
  }

  /** A new link replaces the live one of the same purpose, which stops working at once. */
  async create(purpose: PatientLinkPurpose): Promise<CreatedPatientLink> {
    const patient = await this.signedInPatient();
    if (patient.status === 'discharged') {
      throw new AppException(
        'patient_discharged',
        'Your course has ended, so new links cannot be made. Please contact your clinic.',
      );
    }
    const links = this.tenants.repository(PatientLink);
    await links.update(
      { clinicId: patient.clinicId, patientId: patient.id, purpose, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    const secret = newSecret();
    const link = links.create({
      clinicId: patient.clinicId,
      id: randomUUID(),
      patientId: patient.id,
      purpose,
      secretHash: hashSecret(secret),
      revokedAt: null,
    });
    await links.insert(link);

    return { ...linkView(link), token: encodeSecretToken({ id: link.id, secret }) };
  }

  async revoke(id: string): Promise<void> {
    const patient = await this.signedInPatient();
    const result = await this.tenants
      .repository(PatientLink)
      .update(
        { clinicId: patient.clinicId, patientId: patient.id, id, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    if (!result.affected) {
      throw new AppException('link_not_found', 'You have no live link with this id.');
    }
  }

  async calendar(token: string): Promise<string> {
    const rows = await this.open<CalendarRow>('link_calendar_infusions', token);

    return calendarFeed(
      rows.flatMap((row) =>
        row.infusion_id && row.scheduled_at && row.duration_minutes
          ? [
              {
                id: row.infusion_id,
                startsAt: row.scheduled_at,
                durationMinutes: row.duration_minutes,
              },
            ]
          : [],
      ),
    );
  }

  async chaperone(token: string): Promise<ChaperoneView> {
    const rows = await this.open<ChaperoneRow>('link_chaperone_visits', token);
    const [first] = rows as [ChaperoneRow, ...ChaperoneRow[]];

    return {
      patientGivenName: first.given_name,
      clinic: { name: first.clinic_name, phone: first.clinic_phone },
      timeZone: first.time_zone,
      visits: rows.flatMap((row) =>
        row.scheduled_at && row.duration_minutes
          ? [
              {
                startsAt: row.scheduled_at.toISOString(),
                endsAt: new Date(
                  row.scheduled_at.getTime() + row.duration_minutes * 60_000,
                ).toISOString(),
              },
            ]
          : [],
      ),
      tips: contentOfKind('chaperone_tip').map((item) => ({
        title: item.title,
        tips: [...item.tips],
      })),
    };
  }

  /** Rows of a live link, through the function that checks it; a dead link is a 404. */
  private async open<Row>(
    lookup: 'link_calendar_infusions' | 'link_chaperone_visits',
    token: string,
  ): Promise<Row[]> {
    const decoded = decodeSecretToken(token);
    if (!decoded) {
      throw new AppException('link_not_found', LINK_GONE);
    }
    const rows = await this.dataSource.query<Row[]>(`SELECT * FROM ${lookup}($1, $2)`, [
      decoded.id,
      hashSecret(decoded.secret),
    ]);
    if (rows.length === 0) {
      throw new AppException('link_not_found', LINK_GONE);
    }

    return rows;
  }

  private async signedInPatient(): Promise<Patient> {
    const { clinicId, userId } = this.tenants.scope;
    const patient = userId
      ? await this.tenants.repository(Patient).findOneBy({ clinicId, userId })
      : null;
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'We could not find your patient record. Please contact your clinic.',
      );
    }

    return patient;
  }
}

function linkView(link: PatientLink): PatientLinkView {
  return { id: link.id, purpose: link.purpose, createdAt: link.createdAt.toISOString() };
}
