import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** Minimum level. Default `info`. */
  level?: string;
  /** Pretty, coloured lines for a terminal instead of JSON. Default: JSON. */
  pretty?: boolean;
  /** Write to this file descriptor. Default 1 (stdout). */
  destination?: number;
}

/** Keys whose values never reach a log line (cookies, tokens, passwords, secrets). */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'cookie',
  '*.cookie',
  'cookies',
  '*.cookies',
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
];

/** The one logger factory: JSON in production, pretty on a terminal. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const base = {
    level: opts.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  if (opts.pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss', destination: opts.destination ?? 1 },
      },
    });
  }
  return pino(base, pino.destination({ fd: opts.destination ?? 1, sync: false }));
}

/** A logger that drops everything, for tests and library defaults. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
