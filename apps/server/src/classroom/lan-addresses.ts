import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import { isLoopbackUrl } from '@ttc/protocol';

// A join link that says "localhost" works only on the server's own machine: learners' phones
// and laptops cannot reach it. The lobby then offers the machine's addresses on the local
// network instead, read from its network interfaces.

/**
 * The machine's IPv4 addresses that other devices on the network can use, most likely first:
 * private-range addresses (192.168.x, 10.x, 172.16–31.x) before others; loopback and link-local
 * (169.254.x, which appear when no network gave an address) left out.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  const found = new Set<string>();
  for (const infos of Object.values(interfaces))
    for (const info of infos ?? [])
      if (info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.')) found.add(info.address);
  const isPrivate = (address: string) => /^(192\.168\.|10\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);
  return [...found].sort((a, b) => Number(isPrivate(b)) - Number(isPrivate(a)));
}

/** The join links on the machine's LAN addresses, when the public link points at localhost (else none). */
export function lanJoinUrls(publicUrl: string, port: number, joinCode: string, addresses: readonly string[] = lanAddresses()): string[] {
  if (!isLoopbackUrl(publicUrl) || port <= 0) return [];
  return addresses.map((address) => `http://${address}:${port}/?join=${joinCode}`);
}
