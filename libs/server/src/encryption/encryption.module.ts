import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ClinicEncryption } from './clinic-encryption';
import { KEY_WRAPPER, type KeyWrapper, LocalKeyWrapper } from './key-wrapper';

/** Encryption of clinic records; it needs the global `ConfigModule` and `DatabaseModule`. */
@Module({
  providers: [
    {
      provide: KEY_WRAPPER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): KeyWrapper => new LocalKeyWrapper(config.MASTER_KEYS),
    },
    ClinicEncryption,
  ],
  exports: [KEY_WRAPPER, ClinicEncryption],
})
export class EncryptionModule {}
