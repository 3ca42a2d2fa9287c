import type { Infusion as InfusionView } from '@ivks/contracts';
import type { Infusion } from '@ivks/server';

export function infusionView(infusion: Infusion): InfusionView {
  return {
    id: infusion.id,
    patientId: infusion.patientId,
    scheduledAt: infusion.scheduledAt.toISOString(),
    durationMinutes: infusion.durationMinutes,
    status: infusion.status,
  };
}
