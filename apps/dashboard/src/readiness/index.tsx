import { Route } from 'react-router-dom';
import { ReadinessBoardPage } from './readiness-board-page';

export const READINESS_PATH = '/readiness';

export const readinessRoute = <Route path={READINESS_PATH} element={<ReadinessBoardPage />} />;
