import { Injectable } from '@nestjs/common';
import { Session, TenantTransactions } from '@ivks/server';
import { IsNull } from 'typeorm';

/** Ends sessions inside the current tenant transaction. */
@Injectable()
export class SessionsService {
  constructor(private readonly tenants: TenantTransactions) {}

  /** Ends every session the user has in this clinic; returns how many were still open. */
  async endAllFor(userId: string): Promise<number> {
    const result = await this.tenants.manager.update(
      Session,
      { clinicId: this.tenants.scope.clinicId, userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );

    return result.affected ?? 0;
  }
}
