import type { EmailDeliveryStatus, EmailKind } from '@ivks/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'email_deliveries' })
export class EmailDelivery {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: EmailKind;

  @Column('text')
  recipient!: string;

  @Column('text')
  status!: EmailDeliveryStatus;

  @Column('integer')
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt!: Date | null;
}
