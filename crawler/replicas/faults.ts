import { z } from 'zod';
import { SOURCE_KINDS, type SourceKind } from '../../core/index.ts';
import { Random } from './generator/prng.ts';

export const FAULT_KINDS = [
  'block',
  'slow',
  'error',
  'malformed',
  'truncate',
  'wrong-encoding',
  'reset',
] as const;
/**
 * - `block`: the site's block signal (see each site's `blockVariants`).
 * - `slow`: delay the response by `delayMs`, then answer normally.
 * - `error`: an nginx-style 5xx page.
 * - `malformed` / `truncate`: the body is cut at 60% (invalid JSON, unclosed HTML).
 * - `wrong-encoding`: GBK bytes declared as UTF-8.
 * - `reset`: the connection is destroyed without a response.
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRuleSchema = z.strictObject({
  /** Site the rule applies to, or `*` for all. */
  site: z.union([z.enum(SOURCE_KINDS), z.literal('*')]),
  /** Path prefix below the site prefix, e.g. `/api/container/getIndex`. Default: every path but robots.txt. */
  path: z.string().optional(),
  kind: z.enum(FAULT_KINDS),
  /** Block variant, e.g. weibo `432`/`418`/`ok-100`/`captcha`. Default: the site's first variant. */
  variant: z.string().optional(),
  /** Probability that a matching request is hit (seeded). Default 1. */
  rate: z.number().min(0).max(1).optional(),
  /** Hit only the next N matching requests, then expire. Default: no limit. */
  count: z.number().int().min(1).optional(),
  /** `slow`: delay in ms. Default 2000. */
  delayMs: z.number().int().min(0).max(120_000).optional(),
  /** `error`: status code. Default 503. */
  status: z.number().int().min(400).max(599).optional(),
});
/** One fault-injection rule. */
export type FaultRule = z.infer<typeof faultRuleSchema>;

interface LiveRule {
  rule: FaultRule;
  remaining: number;
}

/** Holds the active rules and decides, reproducibly, which requests they hit. */
export class FaultController {
  private rules: LiveRule[] = [];
  private rng: Random;

  constructor(private readonly seed: number) {
    this.rng = new Random(seed).fork('faults');
  }

  /** Add rules (after validating them). */
  add(rules: readonly FaultRule[]): void {
    for (const rule of rules)
      this.rules.push({
        rule: faultRuleSchema.parse(rule),
        remaining: rule.count ?? Number.POSITIVE_INFINITY,
      });
  }

  /** Remove every rule (optionally only one site's) and reset the random stream. */
  clear(site?: SourceKind): void {
    this.rules = site ? this.rules.filter((r) => r.rule.site !== site) : [];
    if (!site) this.rng = new Random(this.seed).fork('faults');
  }

  /** Active rules with their remaining counts. */
  list(): (FaultRule & { remaining: number | null })[] {
    return this.rules.map((r) => ({
      ...r.rule,
      remaining: Number.isFinite(r.remaining) ? r.remaining : null,
    }));
  }

  /** Rules that fire for this request: any `slow` rules plus at most one other (each firing consumes one of its count). */
  fire(site: SourceKind, path: string): FaultRule[] {
    const fired: FaultRule[] = [];
    for (const live of this.rules) {
      const { rule } = live;
      if (rule.site !== '*' && rule.site !== site) continue;
      if (rule.path === undefined ? path.endsWith('/robots.txt') : !path.startsWith(rule.path)) continue;
      if (live.remaining <= 0) continue;
      if (rule.rate !== undefined && rule.rate < 1 && !this.rng.chance(rule.rate)) continue;
      live.remaining--;
      fired.push(rule);
      // Only the first non-delay rule answers the request; later rules keep their counts.
      if (rule.kind !== 'slow') break;
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return fired;
  }
}
