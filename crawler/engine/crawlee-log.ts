import { log } from '@crawlee/core';

let quieted = false;

/** Crawlee's own console logging is off (errors reach our logger through the failure hooks). */
export function quietCrawleeLogs(): void {
  if (quieted) return;
  quieted = true;
  log.setLevel(log.LEVELS.OFF);
}
