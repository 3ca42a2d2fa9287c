import { Route } from 'react-router-dom';
import { NEEDS_ATTENTION_PATH } from './needs-attention-items';
import { NeedsAttentionPage } from './needs-attention-page';

export { createNeedsAttentionMethods } from './needs-attention-methods';
export { NEEDS_ATTENTION_PATH };

export const needsAttentionRoute = (
  <Route key="needs-attention" path={NEEDS_ATTENTION_PATH} element={<NeedsAttentionPage />} />
);
