import { Injectable } from '@nestjs/common';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationListQuery,
  type NotificationPage,
  type NotificationPreferences,
  type PatientNotification,
} from '@ivks/contracts';
import { Notification, NotificationPreference, Patient, TenantTransactions } from '@ivks/server';
import { IsNull } from 'typeorm';
import { AppException } from '../common/app.exception';

const DEFAULT_PER_PAGE = 25;

/** A patient's own notifications and how they want to receive them. */
@Injectable()
export class NotificationsService {
  constructor(private readonly tenants: TenantTransactions) {}

  async list(userId: string, query: NotificationListQuery): Promise<NotificationPage> {
    const patient = await this.patientOf(userId);
    const perPage = query.perPage ?? DEFAULT_PER_PAGE;
    const page = query.page ?? 1;
    const repository = this.tenants.repository(Notification);
    const where = { clinicId: patient.clinicId, patientId: patient.id };
    const [rows, total] = await repository.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * perPage,
      take: perPage,
    });
    const unread = await repository.countBy({ ...where, readAt: IsNull() });

    return { data: rows.map(view), total, unread };
  }

  /** Marks one notification read; marking it again keeps the first time. */
  async markRead(userId: string, id: string): Promise<PatientNotification> {
    const patient = await this.patientOf(userId);
    const repository = this.tenants.repository(Notification);
    const notification = await repository.findOneBy({
      clinicId: patient.clinicId,
      id,
      patientId: patient.id,
    });
    if (!notification) {
      throw new AppException('notification_not_found', 'You have no notification with this id.');
    }
    if (!notification.readAt) {
      notification.readAt = new Date();
      await repository.update({ clinicId: patient.clinicId, id }, { readAt: notification.readAt });
    }

    return view(notification);
  }

  async markAllRead(userId: string): Promise<{ unread: number }> {
    const patient = await this.patientOf(userId);
    await this.tenants
      .repository(Notification)
      .update(
        { clinicId: patient.clinicId, patientId: patient.id, readAt: IsNull() },
        { readAt: new Date() },
      );

    return { unread: 0 };
  }

  async preferences(userId: string): Promise<NotificationPreferences> {
    const patient = await this.patientOf(userId);
    const row = await this.tenants
      .repository(NotificationPreference)
      .findOneBy({ clinicId: patient.clinicId, patientId: patient.id });

    return row ? preferencesView(row) : { ...DEFAULT_NOTIFICATION_PREFERENCES };
  }

  /**
   * Saves the patient's choices. Reminders already planned keep their times; each is checked
   * against these choices when it is sent, and moved out of the new quiet hours then.
   */
  async savePreferences(
    userId: string,
    preferences: NotificationPreferences,
  ): Promise<NotificationPreferences> {
    const patient = await this.patientOf(userId);
    await this.tenants
      .repository(NotificationPreference)
      .createQueryBuilder()
      .insert()
      .values({
        clinicId: patient.clinicId,
        patientId: patient.id,
        ...preferences,
        updatedAt: new Date(),
      })
      .orUpdate(
        ['email_enabled', 'in_app_enabled', 'quiet_hours_start', 'quiet_hours_end', 'updated_at'],
        ['clinic_id', 'patient_id'],
      )
      .execute();

    return { ...preferences };
  }

  private async patientOf(userId: string): Promise<Patient> {
    const patient = await this.tenants
      .repository(Patient)
      .findOneBy({ clinicId: this.tenants.scope.clinicId, userId });
    if (!patient) {
      throw new AppException(
        'patient_not_found',
        'We could not find your patient record. Please contact your clinic.',
      );
    }

    return patient;
  }
}

function view(notification: Notification): PatientNotification {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
  };
}

function preferencesView(row: NotificationPreference): NotificationPreferences {
  return {
    emailEnabled: row.emailEnabled,
    inAppEnabled: row.inAppEnabled,
    quietHoursStart: row.quietHoursStart,
    quietHoursEnd: row.quietHoursEnd,
  };
}
