import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ClinicSettings, UpdateClinicSettingsRequest } from '@ivks/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsTimeZone } from '../../common/is-time-zone';
import { trimmed } from '../../common/text-transforms';
import { IsPlainName } from '../../common/is-plain-name';

export class UpdateClinicSettingsDto implements UpdateClinicSettingsRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((body: UpdateClinicSettingsDto) => body.name !== undefined)
  @Transform(trimmed)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @IsPlainName()
  name?: string;

  @ApiPropertyOptional({ example: 'America/New_York' })
  @ValidateIf((body: UpdateClinicSettingsDto) => body.timeZone !== undefined)
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+1 617 555 0100',
    description: 'Null removes the number.',
  })
  @ValidateIf((body: UpdateClinicSettingsDto) => body.phone !== undefined && body.phone !== null)
  @Matches(/^\+?[0-9 ()-]{6,20}$/, {
    message: 'phone must be a phone number, like +1 617 555 0100',
  })
  phone?: string | null;

  @ApiPropertyOptional({ description: 'Whether every staff member must use a second factor.' })
  @ValidateIf((body: UpdateClinicSettingsDto) => body.mfaRequired !== undefined)
  @IsBoolean({ message: 'mfaRequired must be true or false' })
  mfaRequired?: boolean;
}

export class ClinicSettingsDto implements ClinicSettings {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty() mfaRequired!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
