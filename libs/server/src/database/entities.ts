import { Clinic } from '../clinics/clinic.entity';
import { Membership } from '../identity/membership.entity';
import { Session } from '../identity/session.entity';
import { User } from '../identity/user.entity';
import { Infusion } from '../infusions/infusion.entity';
import { Patient } from '../patients/patient.entity';

export const ENTITIES = [Clinic, User, Membership, Session, Patient, Infusion];
