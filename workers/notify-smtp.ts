import { randomUUID } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { UnrecoverableError } from 'bullmq';
import type { ChannelConfig } from './notify-channels.ts';
import type { Notification } from './types.ts';

/**
 * Email through SMTP, with no extra dependency: one connection per message. The channel URL is
 * `smtp://[user:pass@]host[:port]?from=addr` (port 25; `smtps://` is TLS from the start, port 465);
 * `to` lists the recipients. Credentials in the URL are sent with AUTH PLAIN.
 */

const B64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const header = (s: string) => `=?UTF-8?B?${B64(s)}?=`;
const ADDRESS = /^[^\s<>@,;:"]+@[^\s<>@,;:"]+$/;

/** The RFC 5322 message: UTF-8 text, base64, lines of at most 76 characters. */
export function emailMessage(from: string, to: readonly string[], n: Notification, now = new Date()): string {
  const text = [n.title, '', ...n.lines, ...(n.url ? ['', n.url] : [])].join('\r\n');
  const body = B64(text).match(/.{1,76}/g) ?? [];
  return [
    `From: ${from}`,
    `To: ${to.join(', ')}`,
    `Subject: ${header(n.title)}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${randomUUID()}@koubei>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...body,
  ].join('\r\n');
}

/** Reads SMTP replies (multi-line ones end with `NNN ` at the start of a line). */
function replies(socket: Socket) {
  let buf = '';
  const waiting: ((line: string) => void)[] = [];
  const ready: string[] = [];
  socket.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 2);
      if (/^\d{3} /.test(line)) (waiting.shift() ?? ((l: string) => ready.push(l)))(line);
    }
  });
  return () =>
    new Promise<string>((resolve) =>
      ready.length ? resolve(ready.shift() as string) : waiting.push(resolve),
    );
}

/** Send one notification by email. A 5xx reply cannot succeed on retry: UnrecoverableError. */
export async function sendEmail(ch: ChannelConfig, n: Notification, timeoutMs = 10_000): Promise<void> {
  const url = new URL(ch.url);
  const from = url.searchParams.get('from') ?? '';
  const to = ch.to.filter((a) => ADDRESS.test(a));
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !ADDRESS.test(from) || to.length === 0)
    throw new UnrecoverableError(
      `channel ${ch.id}: email needs smtp(s)://host?from=addr and a valid "to" list`,
    );
  const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 25));
  const socket =
    url.protocol === 'smtps:'
      ? tlsConnect({ host: url.hostname, port, servername: url.hostname })
      : netConnect({ host: url.hostname, port });
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`channel ${ch.id}: SMTP timed out`)));
  const failed = new Promise<never>((_, reject) => socket.once('error', reject));
  failed.catch(() => {}); // an error after the last step must not become an unhandled rejection
  const next = replies(socket);
  const step = async (command: string | null, expect: number) => {
    if (command !== null) socket.write(`${command}\r\n`);
    const line = await Promise.race([next(), failed]);
    const code = Number(line.slice(0, 3));
    if (code !== expect) {
      const msg = `channel ${ch.id}: SMTP ${command?.split(' ')[0] ?? 'greeting'} answered ${line}`;
      throw code >= 500 ? new UnrecoverableError(msg) : new Error(msg);
    }
  };
  try {
    await step(null, 220);
    await step('EHLO koubei', 250);
    if (url.username)
      await step(
        `AUTH PLAIN ${B64(`\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`)}`,
        235,
      );
    await step(`MAIL FROM:<${from}>`, 250);
    for (const rcpt of to) await step(`RCPT TO:<${rcpt}>`, 250);
    await step('DATA', 354);
    await step(`${emailMessage(from, to, n)}\r\n.`, 250);
    await step('QUIT', 221).catch(() => {}); // the message is accepted already
  } finally {
    socket.end();
  }
}
