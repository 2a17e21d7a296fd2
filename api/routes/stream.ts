import type { ApiContext } from '../http/context.ts';
import { type Route, route } from '../http/route.ts';
import { StreamHub } from '../services/stream-hub.ts';

/**
 * `GET /api/v1/stream`: server-sent events of new cases (`case.opened`), case changes
 * (`case.changed`) and alerts (`alert`), filtered by the caller's role (matrix in permissions.ts).
 * A comment line every `streamHeartbeatMs` keeps proxies from closing the connection.
 */
export function streamRoutes(ctx: ApiContext): Route[] {
  const subscribe = ctx.deps.queues
    ? ctx.deps.queues.subscribeCaseEvents.bind(ctx.deps.queues)
    : ctx.deps.cases?.subscribeCaseEvents.bind(ctx.deps.cases);
  const hub = new StreamHub(subscribe, ctx.deps.logger);
  const heartbeatMs = ctx.deps.streamHeartbeatMs ?? 25_000;
  return [
    route({
      method: 'get',
      path: '/api/v1/stream',
      tag: 'Live',
      access: 'authenticated',
      summary: 'Server-sent events: case.opened, case.changed, alert (filtered by role)',
      produces: 'text/event-stream',
      handler: ({ req, res, auth }) => {
        res.status(200);
        res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache, no-transform');
        res.setHeader('X-Accel-Buffering', 'no');
        res.flushHeaders();
        let seq = 0;
        res.write(`retry: 5000\n\nevent: ready\ndata: ${JSON.stringify({ role: auth.role })}\n\n`);
        const remove = hub.add({
          role: auth.role,
          send(event, data) {
            seq += 1;
            res.write(`id: ${seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
          },
        });
        const beat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
        req.on('close', () => {
          clearInterval(beat);
          remove();
        });
      },
    }),
  ];
}
