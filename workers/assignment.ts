import type { Redis } from 'ioredis';
import type { RoutingConfig } from '../core/index.ts';
import { type Db, listOnDutyAgents } from '../store/index.ts';

/**
 * Who gets a new case: the first routing rule matching its categories and region names a team;
 * the team's on-duty agents take turns (a Redis counter per team, shared by all worker processes).
 * No matching rule: the shared queue (no team, unassigned). No agent on duty: the team, unassigned.
 */

/** Same province, tolerating the `省`/`市` suffixes (`广东` matches `广东省`). */
function sameRegion(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** The team of the first matching rule, or null. */
export function matchTeam(
  routing: RoutingConfig,
  categories: readonly string[],
  region: string | null,
): string | null {
  for (const rule of routing.rules) {
    const catOk = rule.categories.length === 0 || rule.categories.some((c) => categories.includes(c));
    const regionOk =
      rule.regions.length === 0 || (region !== null && rule.regions.some((r) => sameRegion(r, region)));
    if (catOk && regionOk) return rule.team;
  }
  return null;
}

/** Options for {@link pickAssignee}. */
export interface PickAssigneeOptions {
  db: Db;
  redis: Redis;
  /** Key prefix for the round-robin counters. */
  prefix: string;
  routing: RoutingConfig;
}

/** On-duty agents per team, looked up once per batch. */
export type AgentCache = Map<string, { id: number }[]>;

/** The next on-duty agent of a team, round-robin; null when nobody is on duty. */
export async function pickAssignee(
  opts: PickAssigneeOptions,
  team: string,
  cache: AgentCache = new Map(),
): Promise<number | null> {
  const members = opts.routing.teams.find((t) => t.id === team)?.members ?? [];
  const agents = cache.get(team) ?? (await listOnDutyAgents(opts.db, team, members));
  cache.set(team, agents);
  if (agents.length === 0) return null;
  const turn = await opts.redis.incr(`${opts.prefix}:rr:${team}`);
  return agents[(turn - 1) % agents.length]?.id ?? null;
}

/** The team lead's username for escalations, or null. */
export function teamLead(routing: RoutingConfig, team: string | null): string | null {
  if (!team) return null;
  return routing.teams.find((t) => t.id === team)?.lead ?? null;
}
