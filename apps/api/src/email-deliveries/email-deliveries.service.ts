import { Injectable } from '@nestjs/common';
import type { EmailDeliveryPage, EmailDeliverySummary } from '@ivks/contracts';
import { EmailDelivery, TenantTransactions } from '@ivks/server';
import type { ListEmailDeliveriesQueryDto } from './dto/email-delivery.dto';

@Injectable()
export class EmailDeliveriesService {
  constructor(private readonly tenants: TenantTransactions) {}

  /** Newest first; the policies let only owners and admins read deliveries. */
  async list(query: ListEmailDeliveriesQueryDto): Promise<EmailDeliveryPage> {
    const perPage = query.perPage ?? 25;
    const page = query.page ?? 1;
    const [rows, total] = await this.tenants.repository(EmailDelivery).findAndCount({
      where: {
        clinicId: this.tenants.scope.clinicId,
        ...(query.status ? { status: query.status } : {}),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * perPage,
      take: perPage,
    });

    return { data: rows.map(deliveryView), total };
  }
}

function deliveryView(row: EmailDelivery): EmailDeliverySummary {
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    failedAt: row.failedAt?.toISOString() ?? null,
  };
}
