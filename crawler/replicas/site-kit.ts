import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { SourceKind } from '../../core/index.ts';
import type { FaultRule } from './faults.ts';
import { cookiesOf, sendHtml } from './http.ts';
import type { ReplicaRuntime } from './runtime.ts';

/** What a site's routes get. */
export interface SiteContext {
  kind: SourceKind;
  /** Path prefix, e.g. `/weibo`. */
  prefix: string;
  rt: ReplicaRuntime;
}

/** Sends a block signal. */
export type Responder = (req: Request, res: Response, ctx: SiteContext) => void;

/** A replica site. */
export interface SiteModule {
  kind: SourceKind;
  /** Block signals by variant name; the first one is the default. */
  blocks: Record<string, Responder>;
  /** Login/visitor cookie rule. */
  cookie: {
    /** Cookie that must be present, e.g. `SUB`. */
    name: string;
    /** Path prefixes (below the site prefix) that need it. */
    paths: string[];
    /** Required when `requireCookie` does not mention the site. */
    defaultRequired: boolean;
    /** Reply sent when the cookie is missing or not accepted. */
    reject: Responder;
  };
  /** The site's routes. */
  routes(ctx: SiteContext): Router;
}

const NGINX_503 = (status: number) =>
  `<html>\r\n<head><title>${status} Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>${status} Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

function applyFault(
  rule: FaultRule,
  site: SiteModule,
  ctx: SiteContext,
  req: Request,
  res: Response,
): boolean {
  switch (rule.kind) {
    case 'block': {
      const variants = Object.entries(site.blocks);
      const responder = (rule.variant ? site.blocks[rule.variant] : undefined) ?? variants[0]?.[1];
      if (responder) responder(req, res, ctx);
      return true;
    }
    case 'error':
      sendHtml(res, NGINX_503(rule.status ?? 503), { status: rule.status ?? 503 });
      return true;
    case 'reset':
      req.socket.destroy();
      return true;
    case 'slow':
      return false;
    default:
      res.locals.bodyFault = rule.kind;
      return false;
  }
}

function cookieAccepted(site: SiteModule, ctx: SiteContext, req: Request): boolean {
  const rule = ctx.rt.requireCookie[site.kind] ?? site.cookie.defaultRequired;
  if (rule === false) return true;
  if (!site.cookie.paths.some((p) => req.path.startsWith(p))) return true;
  const value = cookiesOf(req.headers.cookie).get(site.cookie.name);
  if (!value) return false;
  return rule === true || rule.includes(value);
}

function guard(site: SiteModule, ctx: SiteContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (ctx.rt.postsPerMinute > 0) ctx.rt.tick();
    const fired = ctx.rt.faults.fire(site.kind, req.path);
    const delay = fired.filter((r) => r.kind === 'slow').reduce((sum, r) => sum + (r.delayMs ?? 2000), 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    for (const rule of fired) if (applyFault(rule, site, ctx, req, res)) return;
    if (req.path !== '/robots.txt' && !cookieAccepted(site, ctx, req)) {
      site.cookie.reject(req, res, ctx);
      return;
    }
    next();
  };
}

/** robots.txt lines for one site (paths include the prefix, so they are valid at the host root too). */
export function robotsRules(rt: ReplicaRuntime, kind: SourceKind): string[] {
  const rule = rt.robotsDisallow[kind];
  if (rule === true) return [`Disallow: /${kind}/`];
  if (Array.isArray(rule))
    return [...rule.map((p) => `Disallow: /${kind}${p.startsWith('/') ? p : `/${p}`}`), `Allow: /${kind}/`];
  return [`Allow: /${kind}/`];
}

/** Mount a site under `/{kind}` with robots.txt, fault injection and cookie checks in front of its routes. */
export function mountSite(app: express.Express, site: SiteModule, rt: ReplicaRuntime): void {
  const ctx: SiteContext = { kind: site.kind, prefix: `/${site.kind}`, rt };
  const router = express.Router();
  router.use(guard(site, ctx));
  router.get('/robots.txt', (_req, res) => {
    res.type('text/plain').send(['User-agent: *', ...robotsRules(rt, site.kind), ''].join('\n'));
  });
  router.use(site.routes(ctx));
  app.use(ctx.prefix, router);
}
