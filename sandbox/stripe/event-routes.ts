import type { ApiRoutes } from './api-routes';
import { invalidRequest, noSuch } from './errors';
import { LIST_PARAMS, listResponse } from './lists';

export function registerEventRoutes(routes: ApiRoutes): void {
  routes
    .get('/v1/events', (ctx) => {
      const p = ctx.params.allowOnly([...LIST_PARAMS, 'type', 'types', 'delivery_success']);
      const type = p.string('type');
      const types = p.strings('types');
      if (type && types) throw invalidRequest('You may only specify one of these parameters: type, types.', { param: 'types' });
      const matches = (t: string) => {
        if (types) return types.includes(t);
        if (!type) return true;
        // `type` accepts a `*` wildcard, e.g. `setup_intent.*`.
        return new RegExp(
          `^${type
            .split('*')
            .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        ).test(t);
      };
      const all = ctx.state.events
        .all()
        .reverse()
        .filter((e) => matches(e.type));
      return listResponse(all, p, '/v1/events');
    })
    .get('/v1/events/:id', (ctx) => {
      ctx.params.allowOnly(['expand']);
      const e = ctx.state.events.get(ctx.path.id ?? '');
      if (!e) throw noSuch('event', ctx.path.id ?? '');
      return e;
    });
}
