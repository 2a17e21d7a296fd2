/** One dependency's state in a readiness report. */
export interface CheckResult {
  ok: boolean;
  detail?: string;
}

/** A named readiness check; throws (or rejects) when the dependency is not usable. */
export type Check = () => Promise<void>;

/**
 * Readiness for `/readyz`: the database and Redis answer and migrations are applied. Checks are
 * registered by whoever owns the dependency and run on demand with a timeout each.
 */
export class Readiness {
  private readonly checks = new Map<string, Check>();

  /** Register or replace the check called `name`. */
  set(name: string, check: Check): void {
    this.checks.set(name, check);
  }

  /** Mark `name` as not ready yet with a reason (e.g. while connecting with backoff). */
  pending(name: string, reason: string): void {
    this.checks.set(name, async () => {
      throw new Error(reason);
    });
  }

  /** Run every check; a check slower than `timeoutMs` fails. */
  async report(timeoutMs = 2_000): Promise<{ ok: boolean; checks: Record<string, CheckResult> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, CheckResult]> => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
            }),
          ]);
          return [name, { ok: true }];
        } catch (err) {
          return [name, { ok: false, detail: (err as Error).message }];
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    return { ok: entries.length > 0 && entries.every(([, r]) => r.ok), checks };
  }
}
