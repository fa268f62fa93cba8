import './staff.css';

/** Every staff page (sign-in and the console): the console's styles, on top of the portal's. */
export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return children;
}
