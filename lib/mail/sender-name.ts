/**
 * The merchant's name as the customer's emails give it (the greeting line of a staff-sent email
 * and its signature): the display name of the sender address (`MAIL_FROM`, e.g. "Nordlys Billing
 * <billing@nordlys.dk>" gives "Nordlys Billing"), else the address's domain. The one place the
 * name is read: a merchant identity configured elsewhere later replaces this function alone.
 */
export function senderName(from: string): string {
  const display = /^\s*"?([^"<]*?)"?\s*<[^>]*>\s*$/.exec(from)?.[1]?.trim();
  if (display) return display;
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || address.trim();
}

/**
 * Whom a security notice tells the customer to contact, until the merchant's support contact is
 * configured: the sender's name and address ("Nordlys Billing (billing@nordlys.dk)"). The notice
 * takes it as one parameter (CardNoticeDeps.support), so a configured contact replaces this alone.
 */
export function supportContact(from: string): string {
  const address = (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
  const name = senderName(from);
  return name && name !== address && !address.endsWith(`@${name}`) ? `${name} (${address})` : address;
}
