/** A new clinic and its owner. Nothing is created until the owner follows the emailed link. */
export interface ClinicSignupRequest {
  clinicName: string;
  /** IANA time zone of the clinic, such as America/New_York. */
  timeZone: string;
  phone: string;
  ownerName: string;
  email: string;
  password: string;
}

/** The same answer whether or not the email is known, so it tells a stranger nothing. */
export interface ClinicSignupAccepted {
  message: string;
}

export interface VerifyClinicSignupRequest {
  token: string;
}

/** The clinic exists and its owner can sign in with the email and password of the sign-up. */
export interface VerifiedClinicSignup {
  clinicId: string;
}
