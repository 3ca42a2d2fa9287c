import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@ivks/server';
import { EMAIL_TRANSPORT, EmailProcessor, smtpTransport } from './email.processor';

/** The consumer side of email: sends what `Mailer` queued over SMTP_URL. */
@Module({
  providers: [
    { provide: EMAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: smtpTransport },
    EmailProcessor,
  ],
})
export class EmailModule {}
