import { pino } from 'pino';
import { readConfig } from './config.js';
import { createServer } from './create-server.js';

const result = readConfig(process.env);
if (!result.ok) {
  process.stderr.write(`${result.message}\n`);
  process.exit(2);
}
const { config } = result;
const logger = pino({ level: config.LOG_LEVEL });
const server = createServer(config, logger);

try {
  const port = await server.listen();
  process.stdout.write(`Tame the Chaos is running at http://localhost:${port}\n`);
} catch (error) {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
}

// Graceful shutdown: stop accepting, let open requests finish, then exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void server.close().then(() => process.exit(0));
  });
}
