import { ApiProperty } from '@nestjs/swagger';
import {
  type ChaperoneView,
  type CreatedPatientLink,
  type CreatePatientLinkRequest,
  PATIENT_LINK_PURPOSES,
  type PatientLinkPurpose,
  type PatientLinkView,
} from '@ivks/contracts';
import { IsIn } from 'class-validator';

export class CreatePatientLinkDto implements CreatePatientLinkRequest {
  @ApiProperty({ enum: PATIENT_LINK_PURPOSES })
  @IsIn(PATIENT_LINK_PURPOSES, {
    message: `purpose must be one of: ${PATIENT_LINK_PURPOSES.join(', ')}`,
  })
  purpose!: PatientLinkPurpose;
}

export class PatientLinkDto implements PatientLinkView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PATIENT_LINK_PURPOSES }) purpose!: PatientLinkPurpose;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreatedPatientLinkDto extends PatientLinkDto implements CreatedPatientLink {
  @ApiProperty({ description: 'Opens the link. Shown only now; keep it.' }) token!: string;
}

class ChaperoneClinicDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

class ChaperoneVisitDto {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When to be there to collect them.' })
  endsAt!: string;
}

class ChaperoneTipsDto {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) tips!: string[];
}

export class ChaperoneDto implements ChaperoneView {
  @ApiProperty() patientGivenName!: string;
  @ApiProperty({ type: ChaperoneClinicDto }) clinic!: ChaperoneClinicDto;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [ChaperoneVisitDto] }) visits!: ChaperoneVisitDto[];
  @ApiProperty({ type: [ChaperoneTipsDto] }) tips!: ChaperoneTipsDto[];
}
