import type { Request, RequestHandler, Response } from 'express';
import { sendApiError } from './json-errors.js';

/** How long a refused upload's connection may linger after the 413 before it is cut. */
const LINGER_MS = 2000;

/**
 * Reads a JSON body of at most `limitBytes`. Unlike express.json, which reads an oversized
 * streamed body to its very end before refusing it, this answers 413 the moment the limit is
 * passed and closes the connection, so nobody can make the server swallow an endless upload.
 * A body that is not declared JSON is read (within the limit) and left out, as express.json did.
 */
export function jsonBody(limitBytes: number): RequestHandler {
  return (request, response, next) => {
    if (Number(request.get('content-length') ?? 0) > limitBytes) return refuse(request, response);
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limitBytes) {
        done = true;
        refuse(request, response);
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      if (!/\bjson\b/i.test(request.get('content-type') ?? '') || text.trim() === '') request.body = undefined;
      else {
        try {
          request.body = JSON.parse(text);
        } catch {
          sendApiError(response, 400, 'bad-request', 'The body is not valid JSON.');
          return;
        }
      }
      next();
    });
    request.on('error', (error) => {
      if (!done) next(error);
      done = true;
    });
  };
}

function refuse(request: Request, response: Response): void {
  request.pause();
  response.set('Connection', 'close');
  sendApiError(response, 413, 'too-large', 'The body is too large.');
  // Whatever the client still sends is not read: half-close once the answer is out (so it is
  // not lost to a reset), and cut the connection shortly after.
  response.once('finish', () => {
    request.socket.end();
    setTimeout(() => request.socket.destroy(), LINGER_MS).unref();
  });
}
