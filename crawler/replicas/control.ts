import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { SOURCE_KINDS, type SourceKind } from '../../core/index.ts';
import { faultRuleSchema } from './faults.ts';
import type { ReplicaRuntime } from './runtime.ts';
import { SCENARIO_NAMES } from './types.ts';

const faultsBody = z.union([
  z.strictObject({ faults: z.array(faultRuleSchema), replace: z.boolean().optional() }),
  z.array(faultRuleSchema),
  faultRuleSchema,
]);

const scenarioBody = z.strictObject({
  name: z.enum(SCENARIO_NAMES),
  startAt: z.number().int().optional(),
  durationMinutes: z.number().positive().optional(),
  count: z.number().int().min(1).max(5000).optional(),
  brand: z.string().min(1).optional(),
  hashtag: z.string().min(1).optional(),
});

const perSite = z.partialRecord(z.enum(SOURCE_KINDS), z.union([z.boolean(), z.array(z.string()), z.null()]));
const tickBody = z.strictObject({ now: z.number().int().optional() });
const clockBody = z.strictObject({ now: z.number().int().nullable() });
const liveBody = z.strictObject({
  postsPerMinute: z.number().min(0).optional(),
  running: z.boolean().optional(),
});

function parse<T>(schema: z.ZodType<T>, req: Request, res: Response): T | null {
  const result = schema.safeParse(req.body ?? {});
  if (result.success) return result.data;
  res.status(400).json({
    error: 'invalid body',
    issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
  return null;
}

function setPerSite<T>(
  target: Partial<Record<SourceKind, T>>,
  update: Partial<Record<SourceKind, T | null>>,
): void {
  for (const [site, value] of Object.entries(update) as [SourceKind, T | null][]) {
    if (value === null) delete target[site];
    else target[site] = value;
  }
}

function state(rt: ReplicaRuntime) {
  return {
    now: rt.now(),
    items: rt.store.size,
    postsPerMinute: rt.postsPerMinute,
    faults: rt.faults.list(),
    requireCookie: rt.requireCookie,
    robotsDisallow: rt.robotsDisallow,
    scenarios: rt.scenarios,
  };
}

/** `POST /_control/faults` (add; `replace: true` clears first) and `DELETE /_control/faults[?site=]`. */
function mountFaults(r: Router, rt: ReplicaRuntime): void {
  r.post('/_control/faults', (req, res) => {
    const body = parse(faultsBody, req, res);
    if (!body) return;
    const rules = Array.isArray(body) ? body : 'faults' in body ? body.faults : [body];
    if (!Array.isArray(body) && 'replace' in body && body.replace) rt.faults.clear();
    rt.faults.add(rules);
    res.json({ faults: rt.faults.list() });
  });
  r.delete('/_control/faults', (req, res) => {
    const site =
      typeof req.query.site === 'string' && (SOURCE_KINDS as readonly string[]).includes(req.query.site)
        ? (req.query.site as SourceKind)
        : undefined;
    rt.faults.clear(site);
    res.json({ faults: rt.faults.list() });
  });
}

/**
 * `/_control/*` (faults, scenarios, cookie rules, robots, clock, live mode) and `/_truth/*` (ground truth).
 * See the README section in index.ts for the request bodies.
 */
export function controlRouter(rt: ReplicaRuntime): Router {
  const r = express.Router();
  r.use('/_control', express.json({ limit: '256kb' }));
  r.get('/_control/state', (_req, res) => void res.json(state(rt)));
  mountFaults(r, rt);
  r.post('/_control/scenarios', (req, res) => {
    const body = parse(scenarioBody, req, res);
    if (body) res.json(rt.scenario(body));
  });
  r.post('/_control/cookies', (req, res) => {
    const body = parse(perSite, req, res);
    if (!body) return;
    setPerSite(rt.requireCookie, body);
    res.json({ requireCookie: rt.requireCookie });
  });
  r.post('/_control/robots', (req, res) => {
    const body = parse(perSite, req, res);
    if (!body) return;
    setPerSite(rt.robotsDisallow, body);
    res.json({ robotsDisallow: rt.robotsDisallow });
  });
  r.post('/_control/tick', (req, res) => {
    const body = parse(tickBody, req, res);
    if (body) res.json({ added: rt.tick(body.now ?? rt.now()), items: rt.store.size });
  });
  r.post('/_control/clock', (req, res) => {
    const body = parse(clockBody, req, res);
    if (!body) return;
    rt.setClock(body.now);
    res.json({ now: rt.now() });
  });
  r.post('/_control/live', (req, res) => {
    const body = parse(liveBody, req, res);
    if (!body) return;
    if (body.postsPerMinute !== undefined) rt.postsPerMinute = body.postsPerMinute;
    if (body.running === true) rt.startLive();
    if (body.running === false) rt.stopLive();
    res.json(state(rt));
  });
  r.use(truthRouter(rt));
  return r;
}

/** `/_truth/{source}/{externalId}` and `/_truth?source=&scenario=&since=&until=` (until defaults to now). */
function truthRouter(rt: ReplicaRuntime): Router {
  const r = express.Router();
  r.get('/_truth/:source/:externalId', (req, res) => {
    const source = String(req.params.source);
    if (!(SOURCE_KINDS as readonly string[]).includes(source))
      return void res.status(404).json({ error: 'unknown source' });
    const truth = rt.truth(source as SourceKind, String(req.params.externalId));
    if (!truth) return void res.status(404).json({ error: 'no such item' });
    res.json(truth);
  });
  r.get('/_truth', (req, res) => {
    const q = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string) : undefined);
    const num = (k: string) => (q(k) !== undefined ? Number(q(k)) : undefined);
    const source = q('source');
    const items = rt.store.truths({
      ...(source && (SOURCE_KINDS as readonly string[]).includes(source)
        ? { source: source as SourceKind }
        : {}),
      ...(q('scenario') ? { scenario: q('scenario') } : {}),
      ...(num('since') !== undefined ? { since: num('since') } : {}),
      until: num('until') ?? rt.now(),
    });
    res.json({ count: items.length, items });
  });
  return r;
}
