import type { NeedsAttention } from '@ivks/contracts';
import type { DataProvider } from 'react-admin';
import type { ApiClient } from '../api/api-client';

export interface NeedsAttentionMethods {
  needsAttention(): Promise<NeedsAttention>;
}

export type NeedsAttentionDataProvider = DataProvider & NeedsAttentionMethods;

export function createNeedsAttentionMethods(api: ApiClient): NeedsAttentionMethods {
  return {
    needsAttention: async () => (await api.request<NeedsAttention>('/needs-attention')).body,
  };
}
