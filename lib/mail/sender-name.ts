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
