export const PATIENT_LINK_PURPOSES = ['calendar', 'chaperone'] as const;
/** `calendar`: a feed of the patient's infusions; `chaperone`: a page for who takes them home. */
export type PatientLinkPurpose = (typeof PATIENT_LINK_PURPOSES)[number];

/** A live link, as its patient sees it. The secret is never shown again after creation. */
export interface PatientLinkView {
  id: string;
  purpose: PatientLinkPurpose;
  createdAt: string;
}

/** What creating a link returns, once: the token that opens it. */
export interface CreatedPatientLink extends PatientLinkView {
  token: string;
}

export interface CreatePatientLinkRequest {
  purpose: PatientLinkPurpose;
}

/** One visit the chaperone should know about: when it starts and when to be there to collect. */
export interface ChaperoneVisit {
  startsAt: string;
  endsAt: string;
}

/** What a chaperone link shows: no health information, only the day's logistics and tips. */
export interface ChaperoneView {
  patientGivenName: string;
  clinic: { name: string; phone: string | null };
  timeZone: string;
  visits: ChaperoneVisit[];
  tips: { title: string; tips: string[] }[];
}
