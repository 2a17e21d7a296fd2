import { Transform } from 'node:stream';

/** The fields of a response stream that Crawlee reads after the body. */
interface ResponseLike extends NodeJS.ReadableStream {
  statusCode?: number;
  statusMessage?: string;
  headers: Record<string, string | string[] | undefined>;
  url?: string;
  destroy?(err?: Error): void;
  on(event: string, listener: (...args: unknown[]) => void): this;
}

/** A response stream cut at a byte limit, and whether it was cut. */
export interface LimitedResponse<T> {
  response: T;
  truncated(): boolean;
}

/**
 * Wrap a response stream so that at most `maxBytes` bytes reach the parser. The rest of an oversized body
 * is not downloaded: the source stream is destroyed once the limit is reached.
 */
export function limitResponseBody<T extends ResponseLike>(source: T, maxBytes: number): LimitedResponse<T> {
  let seen = 0;
  let cut = false;
  const limited = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (cut) return done();
      const room = maxBytes - seen;
      if (chunk.length <= room) {
        seen += chunk.length;
        return done(null, chunk);
      }
      cut = true;
      seen = maxBytes;
      if (room > 0) this.push(chunk.subarray(0, room));
      done();
      source.on('error', () => {});
      source.unpipe(limited);
      source.destroy?.();
      limited.end();
    },
  });
  source.on('error', (err) => limited.destroy(err as Error));
  source.pipe(limited);
  Object.assign(limited, {
    statusCode: source.statusCode,
    statusMessage: source.statusMessage,
    headers: source.headers,
    url: source.url,
  });
  return { response: limited as unknown as T, truncated: () => cut };
}
