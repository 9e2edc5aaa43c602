import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createServer } from '../create-server.js';
import { type RunningServer, startTestServer, temporaryDatabase } from '../test-support/test-server.js';

const servers: RunningServer[] = [];

async function server(env: Record<string, string> = {}): Promise<RunningServer> {
  const running = await startTestServer(env);
  servers.push(running);
  return running;
}

afterAll(async () => {
  for (const running of servers) await running.server.close().catch(() => undefined);
});

/** Sends raw bytes to the server and collects what comes back until it closes the connection. */
function rawExchange(url: string, write: (socket: ReturnType<typeof connect>) => void): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname, () => write(socket));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('error', (error) => (answer ? undefined : reject(error)));
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }));
  });
}

describe('security headers on a classroom LAN and behind a TLS proxy', () => {
  it('over plain HTTP: a CSP without upgrade-insecure-requests, and no HSTS', async () => {
    const { url } = await server();
    const response = await fetch(`${url}/`, { headers: { host: '192.168.1.20:3000' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    // Ignored by browsers on an http origin other than localhost, with an error in the console.
    expect(response.headers.get('cross-origin-opener-policy')).toBeNull();
  });

  it('behind a trusted proxy that says https: upgrade-insecure-requests and HSTS; an untrusted X-Forwarded-Proto changes nothing', async () => {
    const trusting = await server({ TRUST_PROXY: 'loopback' });
    const viaTls = await fetch(`${trusting.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaTls.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(viaTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(viaTls.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const viaHttp = await fetch(`${trusting.url}/`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(viaHttp.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');

    const untrusting = await server();
    const spoofed = await fetch(`${untrusting.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('error answers', () => {
  it('a malformed address gets a JSON 400 without a stack trace or a server path', async () => {
    const { url } = await server({ NODE_ENV: 'development' });
    for (const path of ['/api/sessions/%E0%A4%A/log', '/api/sessions/%E0%A4%A/results.json', '/%E0%A4%A']) {
      const response = await fetch(`${url}${path}`);
      const text = await response.text();
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(JSON.parse(text)).toEqual({ error: 'bad-request', message: expect.any(String) });
      expect(text).not.toMatch(/URIError|at |node_modules|\/work\/|\.ts|\.js/);
    }
  });

  it('an upload streamed past the limit is answered 413 at the limit and the connection closed, not read to its end', async () => {
    const { url } = await server();
    let sent = 0;
    const { answer } = await rawExchange(url, (socket) => {
      socket.write(
        'POST /api/sessions/summaries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      const chunk = `{"x":"${'a'.repeat(8000)}`;
      const more = () => {
        // Keeps sending (up to 50 MB) until the server has answered and closed.
        while (!socket.destroyed && sent < 50_000_000 && socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) sent += chunk.length;
        if (!socket.destroyed && sent < 50_000_000) socket.once('drain', more);
      };
      socket.on('data', () => socket.end());
      more();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('"error":"too-large"');
    // The server stopped reading long before the client could have sent 50 MB.
    expect(sent).toBeLessThan(10_000_000);
  });

  it('a request whose headers never finish is cut after REQUEST_TIMEOUT_MS, long before 90 s', async () => {
    const { url } = await server({ REQUEST_TIMEOUT_MS: '1500' });
    const { answer, closedAfterMs } = await rawExchange(url, (socket) => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: '));
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(closedAfterMs).toBeGreaterThanOrEqual(1400);
    expect(closedAfterMs).toBeLessThan(10_000);
  });
});

describe('readiness', () => {
  it('is ready while the database takes writes, and says why not once its file is gone', async () => {
    const running = await server();
    const ready = await fetch(`${running.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', setAside: [] });
    rmSync(running.databasePath);
    const gone = await fetch(`${running.url}/api/ready`);
    expect(gone.status).toBe(503);
    expect(await gone.json()).toMatchObject({ status: 'unavailable', database: expect.stringContaining('removed or replaced') });
  });

  it('tells the host form whether a trainer passcode is needed', async () => {
    const open = await server();
    expect(await (await fetch(`${open.url}/api/hosting`)).json()).toEqual({ passcodeRequired: false, seatsPerSession: 60 });
    const guarded = await server({ HOST_PASSCODE: 'blue-falcon', MAX_SEATS_PER_SESSION: '24' });
    expect(await (await fetch(`${guarded.url}/api/hosting`)).json()).toEqual({ passcodeRequired: true, seatsPerSession: 24 });
  });
});

describe('request logs', () => {
  it('log one line per API request with its status, and never a facilitator key, player token or share token', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const config = readConfig({ PORT: '0', HOST: '127.0.0.1', STATIC_DIR: tmpdir(), DATABASE_PATH: temporaryDatabase() });
    if (!config.ok) throw new Error(config.message);
    const server = createServer(config.config, pino({ level: 'info' }, sink));
    const base = `http://127.0.0.1:${await server.listen()}`;
    try {
      for (const path of [
        '/api/sessions/abc/log?key=SECRET-KEY-123&token=SECRET-TOKEN-456',
        '/api/replays/SECRET-SHARE-789',
        '/api/scenarios',
      ])
        await (await fetch(`${base}${path}`)).text();
    } finally {
      await server.close();
    }
    const requests = lines.filter((line) => line.req !== undefined) as { req: { method: string; url: string }; res: { status: number } }[];
    expect(requests.map((line) => [line.req.method, line.req.url, line.res.status])).toEqual([
      ['GET', '/api/sessions/abc/log?key=…&token=…', 404],
      ['GET', '/api/replays/…', 404],
      ['GET', '/api/scenarios', 200],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/SECRET/);
  });
});
