import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Query values that open a session or a seat: never written to a log. */
const SECRET_QUERY = /([?&](?:key|token)=)[^&]*/gi;
/** A share link's token travels in the path. */
const SECRET_PATH = /^(\/api\/replays\/)[^/?]+/;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH, '$1…').replace(SECRET_QUERY, '$1…');
}

/**
 * One log line per HTTP request (pino-http): method, path with secrets cut out, status, time,
 * and the client's address as Express sees it (the proxy's client under TRUST_PROXY). Probes
 * and static files are logged at debug, so a classroom's traffic does not drown the log.
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customLogLevel: (request: IncomingMessage, response: ServerResponse, error?: Error) => {
      if (error || response.statusCode >= 500) return 'error';
      // Express rewrites `url` inside a mounted router ("/api" cut off); `originalUrl` keeps it.
      const url = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '';
      if (!url.startsWith('/api/') || url.startsWith('/api/health') || url.startsWith('/api/ready')) return 'debug';
      return response.statusCode >= 400 ? 'warn' : 'info';
    },
    serializers: {
      req: (request: { method: string; url: string; raw?: { ip?: string } }) => ({
        method: request.method,
        url: redactUrl(request.url),
        address: request.raw?.ip,
      }),
      res: (response: { statusCode: number }) => ({ status: response.statusCode }),
    },
  });
}
