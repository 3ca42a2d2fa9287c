import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_DELIVERY_STATUSES,
  EMAIL_KINDS,
  type EmailDeliveryListQuery,
  type EmailDeliveryPage,
  type EmailDeliveryStatus,
  type EmailDeliverySummary,
  type EmailKind,
} from '@ivks/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export class ListEmailDeliveriesQueryDto extends PageQueryDto implements EmailDeliveryListQuery {
  @ApiPropertyOptional({
    enum: EMAIL_DELIVERY_STATUSES,
    description: 'Only deliveries in this state; `failed` lists the emails that never arrived.',
  })
  @IsOptional()
  @IsIn(EMAIL_DELIVERY_STATUSES, {
    message: `status must be one of ${EMAIL_DELIVERY_STATUSES.join(', ')}`,
  })
  status?: EmailDeliveryStatus;
}

export class EmailDeliveryDto implements EmailDeliverySummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EMAIL_KINDS }) kind!: EmailKind;
  @ApiProperty({ description: 'The address the email went to.' }) recipient!: string;
  @ApiProperty({ enum: EMAIL_DELIVERY_STATUSES }) status!: EmailDeliveryStatus;
  @ApiProperty({ description: 'How many times the worker tried to send it.' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The last SMTP error, short.' })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;
}

export class EmailDeliveryPageDto implements EmailDeliveryPage {
  @ApiProperty({ type: [EmailDeliveryDto] }) data!: EmailDeliveryDto[];
  @ApiProperty() total!: number;
}
