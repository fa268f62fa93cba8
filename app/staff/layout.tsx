import './staff.css';

/**
 * Every staff page (sign-in and the console): the console's styles, on top of the portal's, in
 * the portal's own accent whatever the merchant's brand colour (the customer pages carry that).
 */
export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return <div className="staff-look">{children}</div>;
}
