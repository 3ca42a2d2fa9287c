import { Route } from 'react-router-dom';
import { STAFF_PATH, StaffPage } from './staff-page';

export { managesStaff } from './staff-actions';
export { createStaffMethods, type StaffDataProvider } from './staff-methods';
export { STAFF_PATH };

export const staffRoute = <Route key="staff" path={STAFF_PATH} element={<StaffPage />} />;
