// Worker-thread entry of the analyzer pool: worker threads do not inherit the parent's TypeScript
// loader, so register tsx here, then load the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./analyzer-thread.ts');
