import ical, { ICalEventStatus } from 'ical-generator';

export interface CalendarVisit {
  id: string;
  startsAt: Date;
  durationMinutes: number;
}

/**
 * The feed is seen on lock screens and shared calendars, so it says only "Appointment": no
 * clinic, no treatment, no place. The times are instants; each calendar shows them in its own
 * time zone.
 */
export function calendarFeed(visits: CalendarVisit[]): string {
  const calendar = ical({
    name: 'Appointments',
    prodId: { company: 'ivks', product: 'appointments', language: 'EN' },
    ttl: 60 * 60,
  });
  for (const visit of visits) {
    calendar.createEvent({
      id: `${visit.id}@appointments`,
      start: visit.startsAt,
      end: new Date(visit.startsAt.getTime() + visit.durationMinutes * 60_000),
      summary: 'Appointment',
      description: 'The details are in your portal.',
      status: ICalEventStatus.CONFIRMED,
    });
  }

  return calendar.toString();
}
