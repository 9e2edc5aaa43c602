import { apiErrorSchema } from '@ttc/protocol';
import type { z } from 'zod';

// The one way the page calls the server's REST API (docs/server.md): every answer is parsed
// with its protocol schema, every error body with the API's one error schema, and every failure
// becomes an Error whose message can be shown as it is.

export interface ApiRequest {
  method?: string;
  /** The facilitator key, sent as the `x-facilitator-key` header. */
  key?: string;
  body?: unknown;
}

/** Calls the API and parses the answer with `schema`; without a schema only success counts (204). */
export async function callApi<T>(path: string, schema: z.ZodType<T>, request?: ApiRequest): Promise<T>;
export async function callApi(path: string, schema: undefined, request?: ApiRequest): Promise<void>;
export async function callApi<T>(path: string, schema: z.ZodType<T> | undefined, request: ApiRequest = {}): Promise<T | undefined> {
  const headers: Record<string, string> = {};
  if (request.key) headers['x-facilitator-key'] = request.key;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch {
    throw new Error('The server could not be reached. Check the connection and try again.');
  }
  if (response.status === 204) return undefined;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(body);
    throw new Error(error.success ? error.data.message : `The server answered ${response.status}.`);
  }
  if (!schema) return undefined;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error('The server answered in a form this page does not understand. Reload the page.');
  return parsed.data;
}
