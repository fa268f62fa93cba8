/**
 * The From header of every customer email: the merchant's name (MERCHANT_NAME, lib/merchant) on
 * the address of MAIL_FROM, whatever display name MAIL_FROM itself carries ("Billing
 * <billing@nordlys.dk>" with MERCHANT_NAME "Nordlys" sends from "Nordlys" <billing@nordlys.dk>).
 * The name is quoted (a comma or "A/S" in it stays part of the name); nodemailer encodes
 * what is not ASCII.
 */
export function fromHeader(merchantName: string, mailFrom: string): string {
  const address = (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  const name = merchantName.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1');
  return `"${name}" <${address}>`;
}
