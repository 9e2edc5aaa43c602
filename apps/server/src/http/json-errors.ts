import type { ApiError, ApiErrorCode } from '@ttc/protocol';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** Answers a REST request with the one error body of the API (`apiErrorSchema` in packages/protocol). */
export function sendApiError(response: Response, status: number, error: ApiErrorCode, message: string): void {
  const body: ApiError = { error, message };
  response.status(status).json(body);
}

/** What a client is told for an error of this status: never the error's own message or stack. */
const PUBLIC_MESSAGES: Record<number, [ApiErrorCode, string]> = {
  400: ['bad-request', 'The request is not valid (check the address and its percent-encoding).'],
  408: ['timeout', 'The request took too long to arrive.'],
  413: ['too-large', 'The body is too large.'],
  415: ['bad-request', 'The body is in an encoding this server does not read.'],
};

/** Unknown API routes: a JSON 404, not the game's page. */
export const apiNotFound: RequestHandler = (_request, response) => {
  sendApiError(response, 404, 'not-found', 'No such API route.');
};

/**
 * The last error handler: every error becomes a small JSON body with a code and a sentence,
 * never a stack trace or a server path (Express's own handler prints both outside production).
 * A malformed address (`/api/sessions/%E0%A4%A/log`) is a 400; what the server got wrong is a
 * 500 that the log explains.
 */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: HttpishError, request, response, _next) => {
    const status = error?.status ?? error?.statusCode ?? (error instanceof URIError ? 400 : 500);
    const known = status >= 400 && status < 500 ? PUBLIC_MESSAGES[status] : undefined;
    if (status >= 500 || !known)
      logger.error({ err: error, method: request.method, url: request.originalUrl.split('?')[0] }, 'request failed');
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const [code, message]: [ApiErrorCode, string] =
      known ??
      (status < 500
        ? ['bad-request', `The request was refused (${status}).`]
        : ['internal', 'The server failed on this request; it has been logged.']);
    sendApiError(response, status < 400 ? 500 : status, code, message);
  };
}
