import { unreadLabel } from './unread';

describe('unreadLabel', () => {
  it.each([
    [0, 'Notifications, none unread', null],
    [1, 'Notifications, 1 unread', '1'],
    [99, 'Notifications, 99 unread', '99'],
    [250, 'Notifications, 250 unread', '99+'],
  ])('with %i unread says %s', (unread, label, badge) => {
    expect(unreadLabel(unread)).toEqual({ label, badge });
  });
});
