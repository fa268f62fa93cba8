import { MerchantFooter } from '@/app/merchant-footer';

/** Every customer page under /pay ends with the merchant's contact, terms and privacy links. */
export default function CustomerLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      {children}
      <MerchantFooter />
    </>
  );
}
