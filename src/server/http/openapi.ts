// Collects every route's zod schemas into one OpenAPI 3.1 document served at
// /api/v1/openapi.json.
import { z, type ZodType } from 'zod';
import type { RouteDef, AuthMode } from './route.js';
import { errorTable } from './errors.js';

type AnyRoute = RouteDef<unknown, unknown, unknown, unknown, AuthMode>;

function jsonSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

export class OpenApiRegistry {
  private readonly routes: AnyRoute[] = [];
  add(route: AnyRoute): void {
    this.routes.push(route);
  }

  document(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const r of this.routes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const parameters: unknown[] = [];
      for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
        if (!schema) continue;
        const js = jsonSchema(schema, 'input');
        const props = (js.properties ?? {}) as Record<string, unknown>;
        const required = new Set((js.required as string[] | undefined) ?? []);
        for (const [name, s] of Object.entries(props)) {
          parameters.push({ name, in: where, required: where === 'path' || required.has(name), schema: s });
        }
      }
      const okStatus = String(r.status ?? 200);
      const responses: Record<string, unknown> = {};
      if (r.status === 204) responses['204'] = { description: 'Done' };
      else if (r.produces) responses[okStatus] = { description: 'OK', content: { [r.produces]: {} } };
      else responses[okStatus] = {
        description: 'OK',
        content: { 'application/json': { schema: r.response ? jsonSchema(r.response, 'output') : {} } },
      };
      const errorCodes = new Set<number>([400, 500]);
      if (r.auth !== 'public') { errorCodes.add(401); errorCodes.add(403); }
      if (r.params) errorCodes.add(404);
      for (const code of errorCodes) responses[String(code)] = { $ref: '#/components/responses/Error' };
      const requestBody = r.body
        ? { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } }
        : r.rawBody
          ? { required: true, content: Object.fromEntries(r.rawBody.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) }
          : undefined;
      paths[path] ??= {};
      paths[path][r.method.toLowerCase()] = {
        summary: r.summary,
        tags: r.tags,
        ...(r.auth === 'public' ? { security: [] } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(requestBody ? { requestBody } : {}),
        responses,
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'chuangkou API',
        version: '1.0.0',
        description: 'Service-hall platform: queue, catalogue, cases, service log. Errors are {"error":{"code","message","details"?}}.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ck_session' },
          device: { type: 'http', scheme: 'bearer', description: 'Device token (kiosk, display, evaluator)' },
        },
        responses: {
          Error: {
            description: 'An error',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['error'],
                  properties: {
                    error: {
                      type: 'object',
                      required: ['code', 'message'],
                      properties: {
                        code: { type: 'string', enum: Object.keys(errorTable) },
                        message: { type: 'string' },
                        details: {},
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      security: [{ session: [] }, { device: [] }],
      paths,
    };
  }
}
