import type { Db } from '../../store/index.ts';
import type { ApiDeps } from '../deps.ts';

/** What route modules get: the dependencies and a database accessor. */
export interface ApiContext {
  deps: ApiDeps;
  /** The database; throws TransientError (503) while it is connecting or not configured. */
  db(): Db;
}
