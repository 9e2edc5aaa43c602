import { pino } from 'pino';
import { readConfig } from './config.js';
import { createServer } from './create-server.js';
import { StartupError } from './startup-error.js';

// `npm start` is production unless said otherwise: Express then never shows a stack trace.
process.env.NODE_ENV ??= 'production';
const result = readConfig(process.env);
if (!result.ok) {
  process.stderr.write(`${result.message}\n`);
  process.exit(2);
}
const { config } = result;
const logger = pino({ level: config.LOG_LEVEL });

/** Stops the start with a message a person can act on (a StartupError says what to fix). */
function fail(error: unknown): never {
  if (error instanceof StartupError) process.stderr.write(`Tame the Chaos cannot start: ${error.message}\n`);
  else logger.fatal({ err: error }, 'could not start');
  process.exit(1);
}

let server: ReturnType<typeof createServer>;
try {
  server = createServer(config, logger);
} catch (error) {
  fail(error);
}

try {
  const port = await server.listen();
  process.stdout.write(`Tame the Chaos is running at http://localhost:${port}\n`);
} catch (error) {
  fail(error);
}

// Graceful shutdown: stop accepting, let open requests finish, then exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    // A shutdown that cannot finish (a database that stopped answering mid-handover) must still end the process.
    setTimeout(() => {
      logger.error('shutdown did not finish within 15 s: exiting anyway');
      process.exit(1);
    }, 15_000).unref();
    void server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
