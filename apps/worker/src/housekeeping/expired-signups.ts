import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../periodic-task';

/** How long after its link expired a sign-up that nobody renewed is kept. */
export const EXPIRED_SIGNUP_KEPT_MS = 7 * 24 * 3_600_000;
const INTERVAL_MS = 3_600_000;

/**
 * Removes the pending clinics of sign-ups whose link expired a week ago and that nobody renewed:
 * they hold nobody's account, only the email and password hash of a person who did not confirm.
 * Runs on start and every hour; workers running it at once skip each other's rows.
 */
@Injectable()
export class ExpiredSignups implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic = new PeriodicTask(
    () => this.removeExpired(),
    (error) => this.logger.error({ err: error }, 'removing expired sign-ups failed'),
  );

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ExpiredSignups.name);
  }

  onApplicationBootstrap(): void {
    this.periodic.start(INTERVAL_MS);
  }

  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }

  /** The number of pending clinics removed. */
  async removeExpired(now = new Date()): Promise<number> {
    const [row] = await this.dataSource.query<{ removed: number }[]>(
      'SELECT clinic_signup_remove_expired($1) AS removed',
      [new Date(now.getTime() - EXPIRED_SIGNUP_KEPT_MS).toISOString()],
    );
    const removed = row?.removed ?? 0;
    if (removed > 0) {
      this.logger.info({ removed }, 'removed the pending clinics of expired sign-ups');
    }

    return removed;
  }
}
