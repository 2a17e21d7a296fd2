#!/usr/bin/env node
// Prepares a fresh clone on a fresh machine, then runs `start`, `test` or `bench`.
// Plain JavaScript with no dependencies: it runs before node_modules exists. It reads a few
// environment variables itself (REDIS_URL, TEST_DATABASE_URL, CI) for that reason; the
// application's single config module is core/config.ts.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const [command = 'start', ...args] = process.argv.slice(2);
const say = (msg) => process.stderr.write(`[koubei] ${msg}\n`);

function sh(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    say(`failed: ${cmd} ${cmdArgs.join(' ')} (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

/**
 * Install node modules when they are missing or older than package-lock.json. This uses
 * `npm install` (which follows the lockfile) rather than `npm ci`: npm 11 as set up on these machines
 * (omit-lockfile-registry-resolved) writes lockfiles without the other platforms' optional
 * packages, and `npm ci` then refuses them.
 */
function ensureNodeModules() {
  const lock = join(ROOT, 'package-lock.json');
  const stamp = join(ROOT, 'node_modules', '.koubei-lock-hash');
  const hashOf = () =>
    createHash('sha256')
      .update(readFileSync(lock))
      .update(readFileSync(join(ROOT, 'package.json')))
      .digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hashOf()) return;
  say('installing node modules (npm install)…');
  sh('npm', ['install', '--no-audit', '--no-fund']);
  writeFileSync(stamp, hashOf());
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const has = (path) => existsSync(path);
const hasPostgres = () =>
  has('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => has(join('/usr/lib/postgresql', v, 'bin', 'initdb')));

/** apt-get install the Debian packages that are missing (redis-server, chromium, postgresql, a CJK font). */
function ensureDebianPackages(wanted) {
  const checks = {
    'redis-server': () => has('/usr/bin/redis-server'),
    chromium: () => has('/usr/bin/chromium'),
    postgresql: hasPostgres,
    // A CJK font, so Chromium's screenshots (test artifacts, README) show Chinese instead of boxes.
    'fonts-wqy-microhei': () => has('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'),
  };
  const missing = wanted.filter((p) => !checks[p]());
  if (missing.length === 0) return;
  const sudo = isRoot() ? [] : ['sudo', '-n'];
  if (!isRoot() && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    say(
      `missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  say(`installing Debian packages: ${missing.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (a) =>
    sudo.length ? sh(sudo[0], [...sudo.slice(1), ...a], { env }) : sh(a[0], a.slice(1), { env });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Rebuild the dashboard bundle when its sources are newer than the build. */
function ensureDashboardBuild() {
  const config = join(ROOT, 'dashboards', 'vite.config.ts');
  if (!existsSync(config)) return;
  const built = join(ROOT, 'dashboards', 'dist', 'index.html');
  const srcTime = Math.max(
    newestMtime(join(ROOT, 'dashboards')),
    statSync(join(ROOT, 'package-lock.json')).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= srcTime) return;
  say('building the dashboard…');
  sh('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn']);
}

const tsx = ['--import', `file://${join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')}`];
/**
 * V8 flags of the app's processes (bin/koubei passes the same). A 32 MB semi-space (16 MB by
 * default) gives the pipeline's short-lived objects, about 1 GB per 20,000 mentions, room to die
 * young: over six workers-bench runs each, the event loop and GC threads used 6.2 s of CPU per
 * 20,000 mentions instead of 7.2 s, and the analyzer thread 4.5 s instead of 5.0 s.
 */
const v8Flags = ['--max-semi-space-size=32'];

/** Run the app in a child; pass signals on (the app treats a duplicate Ctrl-C as one). */
function runChild(childArgs) {
  const child = spawn(process.execPath, childArgs, { cwd: process.cwd(), stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** The plain closing line CI reads: "N passed, N failed". */
function printTotals() {
  const file = join(ROOT, 'test-artifacts', 'vitest-results.json');
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  process.stdout.write(
    `\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
  );
}

function runTests() {
  const steps = [
    ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
    ['lint', ['npm', 'run', '--silent', 'lint']],
  ];
  for (const [name, [cmd, ...rest]] of steps) {
    say(`${name}…`);
    sh(cmd, rest);
  }
  say('vitest…');
  const r = spawnSync('npx', ['vitest', 'run', ...args], { cwd: ROOT, stdio: 'inherit' });
  printTotals();
  process.exit(r.status ?? 1);
}

ensureNodeModules();
if (command === 'start') {
  ensureDebianPackages([...(process.env.REDIS_URL ? [] : ['redis-server']), 'chromium']);
  ensureDashboardBuild();
  runChild([...v8Flags, ...tsx, join(ROOT, 'cli', 'main.ts'), 'start', ...args]);
} else if (command === 'test' || command === 'bench') {
  ensureDebianPackages([
    'redis-server',
    'chromium',
    'fonts-wqy-microhei',
    ...(process.env.TEST_DATABASE_URL ? [] : ['postgresql']),
  ]);
  ensureDashboardBuild();
  if (command === 'test') runTests();
  else runChild([...v8Flags, ...tsx, join(ROOT, 'bench', 'main.ts'), ...args]);
} else {
  say(`unknown command ${command}; use start, test or bench`);
  process.exit(2);
}
