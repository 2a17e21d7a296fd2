import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { Access } from '../permissions.ts';
import type { AuthContext } from '../services/auth-service.ts';
import { authorize } from './authorize.ts';
import type { ApiContext } from './context.ts';
import { parseOr400 } from './validate.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: validated input, the caller, and the raw request and response. */
export interface HandlerInput<P, Q, B, A extends Access> {
  params: P;
  query: Q;
  body: B;
  auth: A extends 'public' ? AuthContext | null : AuthContext;
  req: Request;
  res: Response;
}

/** One API operation: its HTTP shape, access rule, OpenAPI description and handler. */
export interface RouteDef<P, Q, B, A extends Access> {
  method: Method;
  /** Express path, e.g. `/api/v1/mentions/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** JSON response schema (documentation). Default: an object. */
  response?: z.ZodType;
  /** Success status. Default 200 (204 sends no body). */
  status?: number;
  /** Response media type when not JSON (`text/csv`, `text/event-stream`, `application/x-ndjson`). */
  produces?: string;
  /** Extra middleware run after authorization, before validation (e.g. a rate limiter). Default none. */
  before?: RequestHandler[];
  /** Returns the JSON body, or undefined after writing the response itself (streams). */
  handler(input: HandlerInput<Out<P>, Out<Q>, Out<B>, A>): Promise<unknown> | unknown;
}

/** A route ready to mount on a router and describe in the OpenAPI registry. */
export interface Route {
  method: Method;
  path: string;
  mount(router: Router, ctx: ApiContext): void;
  document(registry: OpenAPIRegistry): void;
}

/** Express `:id` to OpenAPI `{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function responses(def: RouteDef<unknown, unknown, unknown, Access>): RouteConfig['responses'] {
  const problem = { 'application/problem+json': { schema: problemSchema } };
  const status = def.status ?? 200;
  const ok =
    status === 204
      ? { description: 'No content' }
      : {
          description: 'Success',
          content: def.produces
            ? { [def.produces]: { schema: z.string() } }
            : { 'application/json': { schema: def.response ?? z.object({}) } },
        };
  const out: RouteConfig['responses'] = {
    [status]: ok,
    400: { description: 'Invalid input', content: problem },
  };
  if (def.access !== 'public') {
    out[401] = { description: 'Not signed in', content: problem };
    out[403] = { description: 'Not allowed for this role', content: problem };
  }
  out[429] = { description: 'Rate limited', content: problem };
  return out;
}

/** The problem+json schema (RFC 9457). */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  code: z
    .string()
    .optional()
    .describe('Stable problem name: range-order, range-too-long, hour-range, invalid-input'),
  params: z.record(z.string(), z.number()).optional().describe('Numbers for the message, e.g. maxDays'),
});

function describe(def: RouteDef<unknown, unknown, unknown, Access>, registry: OpenAPIRegistry): void {
  const request: RouteConfig['request'] = {};
  if (def.params) request.params = def.params as z.ZodObject;
  if (def.query) request.query = def.query as z.ZodObject;
  if (def.body)
    request.body = { required: true, content: { 'application/json': { schema: def.body as z.ZodType } } };
  registry.registerPath({
    method: def.method,
    path: openApiPath(def.path),
    summary: def.summary,
    tags: [def.tag],
    description: `Access: ${def.access}.`,
    ...(def.access === 'public' ? { security: [] } : {}),
    request,
    responses: responses(def),
  });
}

function handle<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  A extends Access,
>(def: RouteDef<P, Q, B, A>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const input = {
        params: (def.params ? parseOr400(def.params, req.params, 'path') : undefined) as Out<P>,
        query: (def.query ? parseOr400(def.query, req.query, 'query') : undefined) as Out<Q>,
        body: (def.body ? parseOr400(def.body, req.body, 'body') : undefined) as Out<B>,
        auth: res.locals.auth as HandlerInput<Out<P>, Out<Q>, Out<B>, A>['auth'],
        req,
        res,
      };
      const result = await def.handler(input);
      if (res.headersSent || res.writableEnded) return;
      const status = def.status ?? 200;
      if (status === 204) res.status(204).end();
      else res.status(status).json(result ?? {});
    } catch (err) {
      next(err);
    }
  };
}

/** Define a route; the generics tie the handler's input types to its zod schemas. */
export function route<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  A extends Access = Access,
>(def: RouteDef<P, Q, B, A>): Route {
  return {
    method: def.method,
    path: def.path,
    mount(router, ctx) {
      router[def.method](def.path, authorize(ctx, def.access), ...(def.before ?? []), handle(def));
    },
    document(registry) {
      describe(def as RouteDef<unknown, unknown, unknown, Access>, registry);
    },
  };
}
