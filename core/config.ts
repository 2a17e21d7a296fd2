import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  type BrandConfig,
  type EnvConfig,
  envSchema,
  type FileConfig,
  fileConfigSchema,
} from './config-schema.ts';
import { ConfigError, type ConfigIssue } from './errors.ts';

/** The validated configuration every module receives. Built once, at start-up. */
export interface Config extends Omit<FileConfig, 'brands'> {
  /** Brands with defaults applied (never empty). */
  brands: BrandConfig[];
  /** Validated environment. */
  env: EnvConfig;
  /** Absolute path of the config file that was read, or null when none. */
  configPath: string | null;
  /** Absolute data directory. */
  dataDir: string;
}

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Environment to read. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Working directory for relative paths. Default `process.cwd()`. */
  cwd?: string;
  /** Config object to use instead of reading a file (tests). Default: read the file. */
  file?: unknown;
}

/** The four operators, with 中国联通 as our own brand. Used when the config file names no brands. */
export const DEFAULT_BRANDS: BrandConfig[] = [
  {
    name: '中国联通',
    own: true,
    aliases: ['联通', '中国联通', '联不通', '沃', '联通公司'],
    products: ['大王卡', '沃家', '沃宽带', '联通云', '智家'],
    hotlines: ['10010', '10015', '10018'],
    exclude: ['互联互通', '联通器', '连通'],
    color: '#e60012',
  },
  {
    name: '中国移动',
    own: false,
    aliases: ['移动', '中国移动', '移不动', '移动公司'],
    products: ['动感地带', '全球通', '神州行', '和包', '咪咕', '移动云'],
    hotlines: ['10086', '10080'],
    exclude: ['移动支付', '移动互联网', '移动硬盘', '移动电源', '移动端', '移动办公', '移动应用'],
    color: '#0085d0',
  },
  {
    name: '中国电信',
    own: false,
    aliases: ['电信', '中国电信', '信不过', '电信公司'],
    products: ['天翼', '星卡', '翼支付', '天翼云'],
    hotlines: ['10000', '10001'],
    exclude: ['电信诈骗', '电信网络诈骗', '电信号', '电信息'],
    color: '#00a650',
  },
  {
    name: '中国广电',
    own: false,
    aliases: ['广电', '中国广电', '广电5G'],
    products: ['192号段', '广电慧家'],
    hotlines: ['10099'],
    exclude: ['广电总局'],
    color: '#7b3fa0',
  },
];

/** Hints for common mistakes, by field path prefix. */
const FIX_HINTS: [RegExp, string][] = [
  [/^PORT$/, 'set PORT to a number from 0 to 65535'],
  [/^KOUBEI_ADMIN_PASSWORD$/, 'use at least 8 characters'],
  [/^sources\.\d+\.id$/, 'pick a short id like "weibo-main"'],
  [/^sources\.\d+\.kind$/, 'use one of weibo, tieba, zhihu, discuz, heimao, appstore, rss'],
  [/^sources\.\d+\.baseUrl$/, 'give a full URL such as "https://m.weibo.cn"'],
  [/^brands/, 'each brand needs a "name"; see koubei.config.example.yaml'],
  [/^sla\./, 'durations are positive numbers of hours'],
  [/^notifications\.channels\.\d+\.kind$/, 'use one of webhook, wecom, dingtalk, feishu, email'],
];

function toIssues(error: z.ZodError, prefix = ''): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const fix = FIX_HINTS.find(([re]) => re.test(path))?.[1];
    return fix ? { path, message: issue.message, fix } : { path, message: issue.message };
  });
}

function findConfigFile(cwd: string, explicit: string | undefined): string | null {
  if (explicit) {
    const p = isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
    if (!existsSync(p)) {
      throw new ConfigError(`Config file not found: ${p}`, [
        {
          path: 'KOUBEI_CONFIG',
          message: 'no such file',
          fix: 'point KOUBEI_CONFIG at an existing file, or unset it',
        },
      ]);
    }
    return p;
  }
  for (const name of ['koubei.config.json', 'koubei.config.yaml', 'koubei.config.yml']) {
    const p = resolve(cwd, name);
    if (existsSync(p)) return p;
  }
  return null;
}

function readConfigFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ConfigError(`Config file ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}`, [
      { path: '(file)', message: (err as Error).message, fix: 'fix the syntax at the position above' },
    ]);
  }
}

/** Replace `env:NAME` references in secrets and URLs with the variable's value. */
function resolveEnvRefs(
  value: unknown,
  env: Record<string, string | undefined>,
  path: string,
  issues: ConfigIssue[],
): unknown {
  if (typeof value === 'string' && value.startsWith('env:')) {
    const name = value.slice(4);
    const v = env[name];
    if (v === undefined) {
      issues.push({
        path,
        message: `environment variable ${name} is not set`,
        fix: `export ${name}=… before starting`,
      });
      return value;
    }
    return v;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolveEnvRefs(v, env, `${path}.${i}`, issues));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveEnvRefs(v, env, path ? `${path}.${k}` : k, issues)]),
    );
  }
  return value;
}

function crossCheck(file: FileConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const brands = file.brands ?? [];
  if (file.brands && !brands.some((b) => b.own)) {
    issues.push({
      path: 'brands',
      message: 'no brand is marked "own: true"',
      fix: 'mark the brand you monitor with own: true',
    });
  }
  const seen = new Set<string>();
  file.sources.forEach((s, i) => {
    if (seen.has(s.id))
      issues.push({
        path: `sources.${i}.id`,
        message: `duplicate source id "${s.id}"`,
        fix: 'give each source a unique id',
      });
    seen.add(s.id);
  });
  const teams = new Set(file.routing.teams.map((t) => t.id));
  file.routing.rules.forEach((r, i) => {
    if (!teams.has(r.team)) {
      issues.push({
        path: `routing.rules.${i}.team`,
        message: `unknown team "${r.team}"`,
        fix: 'add it under routing.teams, or fix the name',
      });
    }
  });
  return issues;
}

/**
 * Validate the environment and the optional config file. Throws {@link ConfigError} naming every bad
 * field and its fix. The only place in the code base that reads `process.env`.
 */
export function loadConfig(opts: LoadConfigOptions = {}): Config {
  const rawEnv = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const envResult = envSchema.safeParse(rawEnv);
  if (!envResult.success) throw new ConfigError('Invalid environment variables', toIssues(envResult.error));
  const env = envResult.data;

  const configPath = opts.file === undefined ? findConfigFile(cwd, env.KOUBEI_CONFIG) : null;
  const raw = opts.file !== undefined ? opts.file : configPath ? readConfigFile(configPath) : {};
  const refIssues: ConfigIssue[] = [];
  const resolved = resolveEnvRefs(raw ?? {}, rawEnv, '', refIssues);
  const where = configPath ? `Invalid config file ${configPath}` : 'Invalid configuration';
  if (refIssues.length) throw new ConfigError(where, refIssues);
  const fileResult = fileConfigSchema.safeParse(resolved);
  if (!fileResult.success) throw new ConfigError(where, toIssues(fileResult.error));
  const file = fileResult.data;
  const cross = crossCheck(file);
  if (cross.length) throw new ConfigError(where, cross);

  return {
    ...file,
    brands: file.brands ?? DEFAULT_BRANDS,
    env,
    configPath,
    dataDir: resolve(cwd, env.KOUBEI_DATA_DIR),
  };
}

/** Whether the demo replicas should run: explicit setting, else when no sources are configured. */
export function demoEnabled(config: Config): boolean {
  return config.demo.enabled ?? config.sources.length === 0;
}

/** Pretty logs: explicit LOG_PRETTY, else on a terminal outside production. */
export function wantsPrettyLogs(config: Config, isTTY: boolean): boolean {
  return config.env.LOG_PRETTY ?? (isTTY && config.env.NODE_ENV !== 'production');
}
