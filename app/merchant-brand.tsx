import { currentMerchant } from '@/lib/merchant/current';

/**
 * The merchant in the page header: its logo (alt: its name) and its name. With a logo the name
 * beside it is for the eye only (the logo's alt says it to a screen reader once).
 */
export function MerchantBrand() {
  const { name, logoUrl } = currentMerchant();
  if (!logoUrl) return <span data-testid="merchant-name">{name}</span>;
  return (
    <>
      {/* A plain <img>: the logo is the merchant's own file (an https address or a path here), not one for next/image to resize. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img className="brand-logo" src={logoUrl} alt={name} height={32} />
      <span data-testid="merchant-name" aria-hidden="true">
        {name}
      </span>
    </>
  );
}
