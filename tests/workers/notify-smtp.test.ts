import { once } from 'node:events';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../../workers/notify-channels.ts';
import { sendEmail } from '../../workers/notify-smtp.ts';
import type { Notification } from '../../workers/types.ts';

/** A small SMTP server on loopback that records each session's commands and message. */
function smtpServer(opts: { rejectRcpt?: boolean } = {}) {
  const sessions: { commands: string[]; data: string }[] = [];
  const server = createServer((socket) => {
    const s = { commands: [] as string[], data: '' };
    sessions.push(s);
    let buf = '';
    let inData = false;
    socket.setEncoding('utf8');
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (d: string) => {
      buf += d;
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 queued\r\n');
          } else s.data += `${line}\n`;
          continue;
        }
        s.commands.push(line);
        const verb = line.split(/[ :]/)[0]?.toUpperCase();
        if (verb === 'EHLO') socket.write('250-test\r\n250 AUTH PLAIN\r\n');
        else if (verb === 'AUTH') socket.write('235 ok\r\n');
        else if (verb === 'RCPT') socket.write(opts.rejectRcpt ? '550 no such user\r\n' : '250 ok\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return { server, sessions };
}

const note: Notification = {
  event: 'case.breached',
  key: 'case.breached-7',
  title: '工单 #7 已超时：联通宽带断网',
  lines: ['优先级 P1', '24 小时内未首次回应'],
  url: 'http://127.0.0.1/inbox/7',
};

describe('email notifications over SMTP', () => {
  const ok = smtpServer();
  const rejecting = smtpServer({ rejectRcpt: true });
  const port = (s: Server) => (s.address() as AddressInfo).port;
  const channel = (s: Server, to = ['pr-lead@example.com']): ChannelConfig => ({
    id: 'mail',
    kind: 'email',
    url: `smtp://koubei:s%40cret@127.0.0.1:${port(s)}?from=koubei@example.com`,
    to,
    events: ['case.breached'],
  });
  beforeAll(async () => {
    ok.server.listen(0, '127.0.0.1');
    rejecting.server.listen(0, '127.0.0.1');
    await Promise.all([once(ok.server, 'listening'), once(rejecting.server, 'listening')]);
  });
  afterAll(() => {
    ok.server.close();
    rejecting.server.close();
  });

  it('authenticates, sends a UTF-8 message to every recipient and quits', async () => {
    await sendEmail(channel(ok.server, ['a@example.com', 'b@example.com']), note);
    const s = ok.sessions[0];
    expect(s?.commands).toEqual([
      'EHLO koubei',
      `AUTH PLAIN ${Buffer.from('\0koubei\0s@cret').toString('base64')}`,
      'MAIL FROM:<koubei@example.com>',
      'RCPT TO:<a@example.com>',
      'RCPT TO:<b@example.com>',
      'DATA',
      'QUIT',
    ]);
    expect(s?.data).toContain(`Subject: =?UTF-8?B?${Buffer.from(note.title).toString('base64')}?=`);
    const body = Buffer.from(s?.data.split('\n\n')[1]?.replace(/\n/g, '') ?? '', 'base64').toString('utf8');
    expect(body).toContain('24 小时内未首次回应');
    expect(body).toContain('http://127.0.0.1/inbox/7');
  });

  it('gives up at once on a permanent refusal, and on a channel without recipients', async () => {
    await expect(sendEmail(channel(rejecting.server), note)).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(sendEmail(channel(ok.server, ['not an address']), note)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });
});
