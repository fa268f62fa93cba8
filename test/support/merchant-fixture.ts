/** A merchant of the tests' own (MERCHANT_* as a deployment configures it), not the sandbox's: its name and address show in what is sent. */
export const havblik = {
  name: 'Havblik Billing',
  logoUrl: null,
  accent: null,
  support: { email: 'hjaelp@havblik.test', phone: null },
  termsUrl: null,
  privacyUrl: null,
};
