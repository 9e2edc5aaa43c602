import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultStaticDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Server settings from environment variables, checked at start: a bad value stops the start. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Resolved against the working directory: Express serves files only from absolute paths. */
  STATIC_DIR: z
    .string()
    .min(1)
    .default(defaultStaticDir)
    .transform((dir) => resolve(dir)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The embedded database file, created on first start. */
  DATABASE_PATH: z.string().min(1).default('data/tame-the-chaos.db'),
  /** "process": survives the server being killed; "full": also a power cut, at some latency. */
  DATABASE_DURABILITY: z.enum(['process', 'full']).default('process'),
  /** The address learners use, for join links (defaults to http://localhost:PORT). */
  PUBLIC_URL: z.url().optional(),
});

export type ServerConfig = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string };

export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`,
  );
  return { ok: false, message: `Invalid configuration: ${problems.join('; ')}` };
}
