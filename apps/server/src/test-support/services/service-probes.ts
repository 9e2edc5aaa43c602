import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import pg from 'pg';
import { describe } from '../../storage/database-lock.js';
import { useOperatingSystemUser } from '../../storage/postgres-connect.js';

const PROBE_TIMEOUT_MS = 3000;

/** Undefined when PostgreSQL answers a query at `url`; otherwise why not. */
export async function postgresProblem(url: string): Promise<string | undefined> {
  useOperatingSystemUser();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  // A connection the server drops after the probe must not end the test run.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return describe(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** One command in Redis's wire format (RESP). */
const command = (...words: string[]) => `*${words.length}\r\n${words.map((word) => `$${Buffer.byteLength(word)}\r\n${word}\r\n`).join('')}`;

/**
 * Undefined when Redis answers PING at `url` (after AUTH, when the URL has a password);
 * otherwise why not. Speaks the protocol itself: the server has no Redis client yet.
 */
export function redisProblem(url: string): Promise<string | undefined> {
  const parsed = new URL(url);
  const options = { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 6379) };
  const socket: Socket = parsed.protocol === 'rediss:' ? connectTls({ ...options, servername: options.host }) : connectTcp(options);
  const password = decodeURIComponent(parsed.password);
  const auth = password ? command('AUTH', ...(parsed.username ? [decodeURIComponent(parsed.username)] : []), password) : '';
  return new Promise((resolve) => {
    let answer = '';
    const done = (problem: string | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(problem);
    };
    const timer = setTimeout(() => done(`no answer within ${PROBE_TIMEOUT_MS} ms`), PROBE_TIMEOUT_MS);
    socket.once('error', (error) => done(describe(error)));
    socket.once('connect', () => socket.write(auth + command('PING')));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
      if (answer.includes('+PONG')) done(undefined);
      else if (answer.startsWith('-')) done(answer.trim());
    });
  });
}
