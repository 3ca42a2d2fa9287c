/** The patient's three answers on infusion day. */
export interface ReadinessAnswers {
  rideArranged: boolean;
  instructionsFollowed: boolean;
  chaperoneBriefed: boolean;
}

/** What a patient has confirmed for one infusion. */
export interface ReadinessView extends ReadinessAnswers {
  infusionId: string;
  /** When all three were last true together; null until then. */
  confirmedAt: string | null;
  updatedAt: string | null;
}

/** One infusion of the day on the clinic's readiness board. */
export interface ReadinessBoardRow {
  infusionId: string;
  patientId: string;
  patientName: string;
  patientTimeZone: string;
  scheduledAt: string;
  status: 'scheduled' | 'completed' | 'cancelled';
  readiness: ReadinessView | null;
  /** Checklist entries ticked / total over this infusion's open or done checklist assignments. */
  checklist: { ticked: number; total: number };
}

/** The infusions of one calendar day in the clinic's time zone, in time order. */
export interface ReadinessBoard {
  date: string;
  timeZone: string;
  rows: ReadinessBoardRow[];
}

export interface ReadinessBoardQuery {
  /** A calendar day, `YYYY-MM-DD`, in the clinic's time zone; today there when left out. */
  date?: string;
}
