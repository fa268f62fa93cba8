import 'server-only';
import type { StaffRole } from '@/lib/auth/staff-roles';
import { errorResponse } from './errors';
import { toResponse, type Reply } from './reply';
import { asStaff, type StaffCall } from './staff';

/**
 * A staff route handler (a download, not a page): the same session and role check as
 * `staffPage` (`asStaff`), on the server, before the handler runs. No session: Next's redirect to the
 * sign-in page (a person who clicked a link lands there); a role too low: 403 with the refusal
 * table's sentence. Whatever the handler throws goes through the one error mapper.
 */
export function staffRoute(role: StaffRole, handler: (req: Request, call: StaffCall) => Promise<Reply>): (req: Request) => Promise<Response> {
  return async (req) => {
    const reply = await asStaff(role, async (call) => {
      try {
        return await handler(req, call);
      } catch (err) {
        return errorResponse(err);
      }
    });
    return toResponse(reply);
  };
}
