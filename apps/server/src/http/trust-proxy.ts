import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Which connecting addresses are trusted proxies: answers Express's `trust proxy` question. */
export type TrustProxy = (address: string, hop: number) => boolean;

export const TRUST_NOBODY: TrustProxy = () => false;

/**
 * TRUST_PROXY, as Express understands it, with "true" left out on purpose: trusting every hop
 * would let any client claim any address with X-Forwarded-For and so escape every limit per
 * address. Accepted: "false" (the default), a number of proxy hops in front of the server
 * ("1" for one nginx or Caddy), or a comma-separated list of addresses, subnets
 * (10.0.0.0/8, fd00::/8) and the names loopback, linklocal and uniquelocal.
 */
export function parseTrustProxy(value: string): { ok: true; trust: TrustProxy } | { ok: false; message: string } {
  const text = value.trim();
  if (text === '' || text === 'false') return { ok: true, trust: TRUST_NOBODY };
  if (text === 'true')
    return { ok: false, message: 'trusting every proxy lets any client choose its own address: name the proxy or give a hop count' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) return { ok: false, message: 'a hop count from 1 to 10' };
    return { ok: true, trust: (_address, hop) => hop < hops };
  }
  try {
    const trusted = proxyaddr.compile(text.split(',').map((part) => part.trim()));
    return { ok: true, trust: trusted };
  } catch (error) {
    return { ok: false, message: `not an address, subnet or hop count (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * The address a request came from: the connecting socket's, or, behind a trusted proxy, the
 * one the proxy names in X-Forwarded-For. Used for the socket.io handshake, where Express's
 * `request.ip` is not available.
 */
export function clientAddress(request: IncomingMessage, trust: TrustProxy): string {
  if (trust === TRUST_NOBODY) return request.socket.remoteAddress ?? 'unknown';
  return proxyaddr(request as Parameters<typeof proxyaddr>[0], trust);
}

/**
 * The key limits per address count under. IPv4 (and IPv4 written as IPv6) by the whole
 * address; other IPv6 by its /64 network, since one household or one attacker is handed a
 * whole /64 and can pick any address in it.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group || '0', 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Whether a connecting address is this machine itself (127.0.0.0/8, ::1). The limits per
 * address leave it alone unless LIMIT_LOOPBACK is set: on loopback the "address" is the trainer's
 * own console, a load test or a proxy on the same machine (which must be named in TRUST_PROXY so
 * that its clients are told apart), never one outsider.
 */
export function isLoopback(address: string): boolean {
  const plain = address.replace(/^::ffff:/i, '');
  return plain === '::1' || /^127\.\d+\.\d+\.\d+$/.test(plain);
}
