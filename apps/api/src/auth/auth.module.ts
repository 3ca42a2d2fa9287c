import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig, AuditTrailModule, EncryptionModule } from '@ivks/server';
import { accessTokenKey } from './access-token-key';
import { AccountController } from './account.controller';
import { AuthController } from './auth.controller';
import { JwtAuthGuard, RolesGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { Clock } from './clock';
import { CredentialsService } from './credentials.service';
import { JwtStrategy } from './jwt.strategy';
import { MfaChallenges } from './mfa-challenges';
import { MfaService } from './mfa.service';
import { SecurityNotices } from './security-notices';
import { SessionActivity } from './session-activity';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    AuditTrailModule,
    EncryptionModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const key = accessTokenKey(config);

        return { privateKey: key, publicKey: key, signOptions: { algorithm: 'HS256' } };
      },
    }),
  ],
  controllers: [AuthController, AccountController],
  providers: [
    AuthService,
    Clock,
    CredentialsService,
    MfaChallenges,
    MfaService,
    SecurityNotices,
    SessionActivity,
    SessionsService,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [SessionsService, Clock],
})
export class AuthModule {}
