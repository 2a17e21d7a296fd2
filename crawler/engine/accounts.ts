import { readFile } from 'node:fs/promises';
import { ConfigError, type SourceConfig } from '../../core/index.ts';
import type { CrawlStateStore, SessionState } from './state-store.ts';

/** The pseudo-account of a source without configured accounts. */
export const ANONYMOUS = 'anonymous';

/** One account: its label and cookie pairs. The cookie values never leave this object except as headers. */
export interface Account {
  id: string;
  /** `name=value` pairs. Empty for the anonymous account. */
  cookies: string[];
}

/** Split a Cookie header value into `name=value` pairs. */
export function splitCookieHeader(header: string): string[] {
  return header
    .split(/;\s*|\r?\n/)
    .map((p) => p.trim())
    .filter((p) => /^[^=\s;]+=/.test(p));
}

/** Load every account of a source (cookies inline or from `cookiesFile`). */
export async function loadAccounts(source: SourceConfig): Promise<Account[]> {
  if (source.accounts.length === 0) return [{ id: ANONYMOUS, cookies: [] }];
  const out: Account[] = [];
  for (const a of source.accounts) {
    let header = a.cookies ?? '';
    if (a.cookiesFile) {
      try {
        header = (await readFile(a.cookiesFile, 'utf8')).trim();
      } catch (err) {
        throw new ConfigError(`source ${source.id}: cannot read cookiesFile of account ${a.id}`, [
          {
            path: `sources.${source.id}.accounts.${a.id}.cookiesFile`,
            message: (err as NodeJS.ErrnoException).code ?? 'unreadable',
            fix: 'point cookiesFile at a readable file holding the Cookie header value',
          },
        ]);
      }
    }
    out.push({ id: a.id, cookies: splitCookieHeader(header) });
  }
  return out;
}

/** Options for {@link AccountRotation}. */
export interface AccountRotationOptions {
  /** First block backoff in ms; doubles with each consecutive block of the account, up to 24 h. */
  blockBackoffMs: number;
}

/**
 * Round-robin over a source's accounts, skipping blocked ones. Blocks are persisted per account
 * (source_sessions) so a blocked account stays benched across runs until `blockedUntil`.
 */
export class AccountRotation {
  private states = new Map<string, SessionState>();
  private next = 0;

  constructor(
    readonly sourceId: string,
    readonly accounts: Account[],
    private readonly store: CrawlStateStore,
    private readonly opts: AccountRotationOptions,
  ) {}

  /** Read stored block states. */
  async load(): Promise<void> {
    for (const s of await this.store.getSessions(this.sourceId)) this.states.set(s.accountId, s);
  }

  /** Accounts not blocked at `now`. */
  available(now: Date): Account[] {
    return this.accounts.filter((a) => !this.isBlocked(a.id, now));
  }

  isBlocked(accountId: string, now: Date): boolean {
    const until = this.states.get(accountId)?.blockedUntil;
    return until !== null && until !== undefined && until.getTime() > now.getTime();
  }

  /** The next usable account, or null when every account is blocked. */
  pick(now: Date): Account | null {
    const usable = this.available(now);
    if (usable.length === 0) return null;
    const a = usable[this.next % usable.length] ?? null;
    this.next++;
    return a;
  }

  /** When the first blocked account becomes usable again (null when none is blocked). */
  earliestUnblock(now: Date): Date | null {
    const times = this.accounts
      .map((a) => this.states.get(a.id)?.blockedUntil)
      .filter((d): d is Date => d instanceof Date && d.getTime() > now.getTime())
      .map((d) => d.getTime());
    return times.length ? new Date(Math.min(...times)) : null;
  }

  /**
   * Bench an account after a block signal; returns when it may be used again. `siteUntil` is a time the
   * site named (flood limit, Retry-After); otherwise the backoff doubles with each consecutive block.
   */
  async block(accountId: string, signal: string, now: Date, siteUntil?: Date): Promise<Date> {
    const state = this.states.get(accountId) ?? { accountId, blockedUntil: null, errorCount: 0 };
    if (this.isBlocked(accountId, now) && state.blockedUntil) return state.blockedUntil;
    const backoff = Math.min(this.opts.blockBackoffMs * 2 ** Math.min(state.errorCount, 10), 86_400_000);
    const until = siteUntil ?? new Date(now.getTime() + backoff);
    this.states.set(accountId, { accountId, blockedUntil: until, errorCount: state.errorCount + 1 });
    await this.store.recordSession({
      sourceId: this.sourceId,
      accountId,
      blockedUntil: until,
      blockSignal: signal,
      error: true,
      usedAt: now,
    });
    return until;
  }

  /** Record a clean run for the accounts used: clears error counts and expired blocks. */
  async recordSuccess(accountIds: Iterable<string>, now: Date): Promise<void> {
    for (const id of accountIds) {
      if (this.isBlocked(id, now)) continue;
      this.states.set(id, { accountId: id, blockedUntil: null, errorCount: 0 });
      await this.store.recordSession({
        sourceId: this.sourceId,
        accountId: id,
        usedAt: now,
        blockedUntil: null,
        blockSignal: null,
        resetErrors: true,
      });
    }
  }
}
