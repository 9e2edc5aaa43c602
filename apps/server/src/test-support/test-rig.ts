import type { HostSettings } from '@ttc/protocol';
import type { ServerParts } from '../create-server.js';
import { expectOk, TestClient } from './classroom-client.js';
import { type RunningServer, startTestServer, temporaryDatabase } from './test-server.js';

export interface HostedClass {
  facilitator: TestClient;
  sessionId: string;
  joinCode: string;
  key: string;
}

/**
 * What a server test file opens — real servers on free ports and real socket clients — kept
 * so that all of it is closed at the file's end (`afterAll(() => rig.close())`).
 */
export class TestRig {
  private readonly clients: TestClient[] = [];
  private readonly servers: RunningServer[] = [];

  /** A real server with its own database file, or on an existing one (a restart). */
  async server(databasePath?: string, env: Record<string, string> = {}, parts: ServerParts = {}): Promise<RunningServer> {
    const running = await startTestServer(env, databasePath ?? temporaryDatabase(), parts);
    this.servers.push(running);
    return running;
  }

  async client(url: string, options: ConstructorParameters<typeof TestClient>[1] = {}): Promise<TestClient> {
    const client = new TestClient(url, options);
    this.clients.push(client);
    await client.connected();
    return client;
  }

  /** A facilitator hosts a class on the server. */
  async host(
    url: string,
    settings: HostSettings,
    options: { passcode?: string; headers?: Record<string, string> } = {},
  ): Promise<HostedClass> {
    const facilitator = await this.client(url, options.headers ? { headers: options.headers } : {});
    const passcode = options.passcode === undefined ? {} : { passcode: options.passcode };
    const hosted = expectOk(await facilitator.send({ type: 'host', settings, ...passcode }));
    return {
      facilitator,
      sessionId: hosted.sessionId,
      joinCode: hosted.joinCode,
      key: hosted.facilitatorKey,
    };
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.close();
    for (const running of this.servers) await running.server.close().catch(() => undefined);
  }
}
