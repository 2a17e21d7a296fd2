/**
 * core/: the shared kernel every other folder may use. Configuration (the only reader of
 * `process.env`), logging, the error taxonomy, Redis connections and process utilities.
 */
export * from './config.ts';
export * from './config-schema.ts';
export * from './errors.ts';
export * from './logger.ts';
export * from './redis.ts';
export * from './system.ts';
export * from './passwords.ts';
export * from './readiness.ts';
export * from './secrets.ts';
