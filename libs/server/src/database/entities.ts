import { AssignmentChecklistTick } from '../assignments/assignment-checklist-tick.entity';
import { Assignment } from '../assignments/assignment.entity';
import { CareTeamMember } from '../care-teams/care-team-member.entity';
import { Clinic } from '../clinics/clinic.entity';
import { ClinicContentItem } from '../content/clinic-content-item.entity';
import { ClinicInstruction } from '../content/clinic-instruction.entity';
import { Membership } from '../identity/membership.entity';
import { Session } from '../identity/session.entity';
import { User } from '../identity/user.entity';
import { Infusion } from '../infusions/infusion.entity';
import { JournalEntry } from '../journal/journal-entry.entity';
import { JournalFlag } from '../journal/journal-flag.entity';
import { JournalRead } from '../journal/journal-read.entity';
import { JournalReply } from '../journal/journal-reply.entity';
import { JournalReview } from '../journal/journal-review.entity';
import { JournalShare } from '../journal/journal-share.entity';
import { EmailDelivery } from '../mail/email-delivery.entity';
import { PathwayTask } from '../pathways/pathway-task.entity';
import { Pathway } from '../pathways/pathway.entity';
import { PatientLink } from '../patient-links/patient-link.entity';
import { PatientInvitation } from '../patients/patient-invitation.entity';
import { Patient } from '../patients/patient.entity';
import { InfusionReadiness } from '../readiness/infusion-readiness.entity';
import { NotificationPreference } from '../reminders/notification-preference.entity';
import { Notification } from '../reminders/notification.entity';
import { ReminderOccurrence } from '../reminders/reminder-occurrence.entity';
import { StaffInvitation } from '../staff/staff-invitation.entity';

export const ENTITIES = [
  Clinic,
  User,
  Membership,
  Session,
  Patient,
  PatientInvitation,
  Infusion,
  Pathway,
  PathwayTask,
  Assignment,
  AssignmentChecklistTick,
  PatientLink,
  ClinicContentItem,
  ClinicInstruction,
  InfusionReadiness,
  CareTeamMember,
  JournalEntry,
  JournalShare,
  JournalReply,
  JournalRead,
  JournalFlag,
  JournalReview,
  EmailDelivery,
  ReminderOccurrence,
  NotificationPreference,
  Notification,
  StaffInvitation,
];
