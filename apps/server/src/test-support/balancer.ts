import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP load balancer in front of several server processes, as nginx or a cloud balancer
 * would be: each new connection goes to the next backend in turn, and to the one after when a
 * backend refuses (it died, or is restarting). Websockets pass through untouched. Clients
 * that lose their process reconnect here and land on a live one.
 */
export class Balancer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private next = 0;

  constructor(private readonly ports: () => number[]) {}

  async open(): Promise<string> {
    const server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  private relay(client: Socket, tried = 0): void {
    const ports = this.ports();
    if (tried >= ports.length) {
      client.destroy();
      return;
    }
    const port = ports[this.next++ % ports.length] as number;
    client.pause();
    const upstream = connect(port, '127.0.0.1');
    upstream.once('error', () => undefined);
    upstream.once('connect', () => {
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.resume();
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    upstream.once('close', (hadError) => {
      // Refused before it connected: the next backend.
      if (hadError && !upstream.remoteAddress && !client.destroyed) this.relay(client, tried + 1);
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
