import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { Route } from './http/route.ts';

/** The OpenAPI 3.1 document of the given routes, generated from their zod schemas. */
export function buildOpenApiDocument(routes: readonly Route[]): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'Integration API key: `Authorization: Bearer kb_…`',
  });
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'koubei_session',
    description: 'Dashboard session from POST /api/v1/auth/login; unsafe methods also need X-CSRF-Token.',
  });
  for (const r of routes) r.document(registry);
  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'koubei 口碑 API',
      version: '1.0.0',
      description:
        'Social listening for telecom operators. JSON with camelCase fields and ISO 8601 UTC times; errors are application/problem+json.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }, { session: [] }],
  }) as unknown as Record<string, unknown>;
}
