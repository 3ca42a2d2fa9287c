import { emailDeliveryListQuery } from './email-delivery-query';

describe('emailDeliveryListQuery', () => {
  it('sends the page and a known status', () => {
    expect(
      emailDeliveryListQuery({
        pagination: { page: 2, perPage: 10 },
        filter: { status: 'failed' },
      }).toString(),
    ).toBe('page=2&perPage=10&status=failed');
  });

  it('leaves out a status the API does not know', () => {
    expect(emailDeliveryListQuery({ filter: { status: 'bounced' } }).toString()).toBe(
      'page=1&perPage=25',
    );
  });
});
