/** The seeded demo sign-ins; every demo account shares one password. */
export const DEMO_PASSWORD = 'calm-harbour-demo';

export const HARBOURSIDE = {
  name: 'Harbourside Ketamine Clinic',
  clinician: 'clinician@harbourside.example',
  patients: { maya: 'maya@harbourside.example', daniel: 'daniel@harbourside.example' },
  patientEmails: [
    'maya@harbourside.example',
    'daniel@harbourside.example',
    'priya@harbourside.example',
  ],
};

export const JUNIPER = {
  name: 'Juniper Wellness',
  timeZone: 'America/Los_Angeles',
  clinician: 'clinician@juniper.example',
  patients: { sam: 'sam@juniper.example' },
  patientEmails: ['sam@juniper.example', 'alex@juniper.example', 'jordan@juniper.example'],
};
