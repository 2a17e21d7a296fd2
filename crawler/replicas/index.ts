/**
 * Local replicas of the sites koubei crawls, plus the seeded content generator behind them.
 *
 * Sites (all under one server, each below its own prefix; see each file in `sites/` for routes):
 * `/weibo` (m.weibo.cn JSON, and `/weibo/sweibo/weibo?q=` — the s.weibo.com search page that needs a
 * browser), `/tieba`, `/zhihu`, `/discuz` (GBK), `/heimao`, `/appstore`, `/rss`.
 *
 * Control: `GET /_control/state`; `POST /_control/faults` ({faults:[rule…], replace?} or one rule);
 * `DELETE /_control/faults[?site=]`; `POST /_control/scenarios` ({name, startAt?, durationMinutes?, count?,
 * brand?, hashtag?}); `POST /_control/cookies` and `/_control/robots` ({site: true | [values|paths] | null});
 * `POST /_control/tick` ({now?}); `POST /_control/clock` ({now|null}); `POST /_control/live`
 * ({postsPerMinute?, running?}). Truth: `GET /_truth/{source}/{externalId}`, `GET /_truth?source=&scenario=&since=&until=`.
 */
export {
  createReplicaApp,
  type DemoReplicaOptions,
  type ReplicaApp,
  type RunningReplicas,
  runDemoReplicas,
  SITES,
  startReplicas,
  type StartReplicasOptions,
} from './app.ts';
export { FAULT_KINDS, type FaultKind, type FaultRule, faultRuleSchema } from './faults.ts';
export { DEFAULT_INITIAL_POSTS, ReplicaGenerator } from './generator/generator.ts';
export { hashString, mulberry32, Random } from './generator/prng.ts';
export { PROVINCES } from './generator/regions.ts';
export { runScenario, type ScenarioRequest, type ScenarioResult } from './generator/scenarios.ts';
export { APP_IDS, HEIMAO_COMPANIES, RSS_FEEDS } from './generator/site-items-other.ts';
export { DISCUZ_FORUMS } from './generator/site-items.ts';
export { type CookieRequirement, type ReplicaOptions, ReplicaRuntime } from './runtime.ts';
export { ContentStore, type TruthFilter } from './store.ts';
export { bidToMid, midToBid } from './sites/weibo-render.ts';
export * from './types.ts';
