/** The demo clinics: two, so that a person can see that neither sees the other. */
export const DEMO_PASSWORD = 'calm-harbour-demo';

export interface DemoPatient {
  id: string;
  userId: string;
  membershipId: string;
  givenName: string;
  familyName: string;
  email: string;
  timeZone: string;
  /** Days from today of each infusion of the course; negative ones have happened. */
  infusionDays: number[];
}

export interface DemoClinic {
  id: string;
  name: string;
  timeZone: string;
  phone: string;
  staff: {
    userId: string;
    membershipId: string;
    email: string;
    name: string;
    role: 'owner' | 'clinician';
  }[];
  patients: DemoPatient[];
}

export const DEMO_CLINICS: DemoClinic[] = [
  {
    id: '0c5e8a52-4a57-4c1e-9d6e-7d1b2f0a0001',
    name: 'Harbourside Ketamine Clinic',
    timeZone: 'America/New_York',
    phone: '+1 617 555 0142',
    staff: [
      {
        userId: '1a7f6c2e-0001-4c1e-9d6e-7d1b2f0a0001',
        membershipId: '2b8e7d3f-0001-4c1e-9d6e-7d1b2f0a0001',
        email: 'owner@harbourside.example',
        name: 'Rosa Alvarez',
        role: 'owner',
      },
      {
        userId: '1a7f6c2e-0002-4c1e-9d6e-7d1b2f0a0001',
        membershipId: '2b8e7d3f-0002-4c1e-9d6e-7d1b2f0a0001',
        email: 'clinician@harbourside.example',
        name: 'Dr. Hannah Okafor',
        role: 'clinician',
      },
    ],
    patients: [
      {
        id: '3c9f8e40-0001-4c1e-9d6e-7d1b2f0a0001',
        userId: '1a7f6c2e-0003-4c1e-9d6e-7d1b2f0a0001',
        membershipId: '2b8e7d3f-0003-4c1e-9d6e-7d1b2f0a0001',
        givenName: 'Maya',
        familyName: 'Lopez',
        email: 'maya@harbourside.example',
        timeZone: 'America/New_York',
        infusionDays: [-9, -7, -5, 2, 4, 6],
      },
      {
        id: '3c9f8e40-0002-4c1e-9d6e-7d1b2f0a0001',
        userId: '1a7f6c2e-0004-4c1e-9d6e-7d1b2f0a0001',
        membershipId: '2b8e7d3f-0004-4c1e-9d6e-7d1b2f0a0001',
        givenName: 'Daniel',
        familyName: 'Brooks',
        email: 'daniel@harbourside.example',
        timeZone: 'America/Chicago',
        infusionDays: [1, 3, 5, 8, 10, 12],
      },
      {
        id: '3c9f8e40-0003-4c1e-9d6e-7d1b2f0a0001',
        userId: '1a7f6c2e-0005-4c1e-9d6e-7d1b2f0a0001',
        membershipId: '2b8e7d3f-0005-4c1e-9d6e-7d1b2f0a0001',
        givenName: 'Priya',
        familyName: 'Raman',
        email: 'priya@harbourside.example',
        timeZone: 'America/New_York',
        infusionDays: [-30, -28, -26, -23, -21, -19],
      },
    ],
  },
  {
    id: '0c5e8a52-4a57-4c1e-9d6e-7d1b2f0a0002',
    name: 'Juniper Wellness',
    timeZone: 'America/Los_Angeles',
    phone: '+1 415 555 0187',
    staff: [
      {
        userId: '1a7f6c2e-0001-4c1e-9d6e-7d1b2f0a0002',
        membershipId: '2b8e7d3f-0001-4c1e-9d6e-7d1b2f0a0002',
        email: 'owner@juniper.example',
        name: 'Grace Lin',
        role: 'owner',
      },
      {
        userId: '1a7f6c2e-0002-4c1e-9d6e-7d1b2f0a0002',
        membershipId: '2b8e7d3f-0002-4c1e-9d6e-7d1b2f0a0002',
        email: 'clinician@juniper.example',
        name: 'Dr. Marcus Reed',
        role: 'clinician',
      },
    ],
    patients: [
      {
        id: '3c9f8e40-0001-4c1e-9d6e-7d1b2f0a0002',
        userId: '1a7f6c2e-0003-4c1e-9d6e-7d1b2f0a0002',
        membershipId: '2b8e7d3f-0003-4c1e-9d6e-7d1b2f0a0002',
        givenName: 'Sam',
        familyName: 'Whitaker',
        email: 'sam@juniper.example',
        timeZone: 'America/Los_Angeles',
        infusionDays: [-4, -2, 1, 3, 5, 8],
      },
      {
        id: '3c9f8e40-0002-4c1e-9d6e-7d1b2f0a0002',
        userId: '1a7f6c2e-0004-4c1e-9d6e-7d1b2f0a0002',
        membershipId: '2b8e7d3f-0004-4c1e-9d6e-7d1b2f0a0002',
        givenName: 'Alex',
        familyName: 'Moreno',
        email: 'alex@juniper.example',
        timeZone: 'America/Denver',
        infusionDays: [2, 4, 6, 9, 11, 13],
      },
      {
        id: '3c9f8e40-0003-4c1e-9d6e-7d1b2f0a0002',
        userId: '1a7f6c2e-0005-4c1e-9d6e-7d1b2f0a0002',
        membershipId: '2b8e7d3f-0005-4c1e-9d6e-7d1b2f0a0002',
        givenName: 'Jordan',
        familyName: 'Kim',
        email: 'jordan@juniper.example',
        timeZone: 'America/Los_Angeles',
        infusionDays: [-20, -18, -16, -13, -11, -9],
      },
    ],
  },
];
