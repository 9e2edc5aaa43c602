import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses, lanJoinUrls } from './lan-addresses.js';

const info = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4'): NetworkInterfaceInfo =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

describe('lanAddresses', () => {
  it('lists the IPv4 addresses other devices can reach, private ranges first', () => {
    const interfaces = {
      lo: [info('127.0.0.1', true), info('::1', true, 'IPv6')],
      eth0: [info('203.0.113.7'), info('fe80::1', false, 'IPv6')],
      wlan0: [info('192.168.1.20')],
      docker0: [info('172.17.0.1')],
      usb0: [info('169.254.10.2')],
    };
    expect(lanAddresses(interfaces)).toEqual(['192.168.1.20', '172.17.0.1', '203.0.113.7']);
  });

  it('reads this machine’s interfaces when given none', () => {
    for (const address of lanAddresses()) expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('lanJoinUrls', () => {
  it('offers join links on the LAN only when the public link points at localhost', () => {
    expect(lanJoinUrls('http://localhost:3000', 3000, 'K7PXQ3', ['192.168.1.20'])).toEqual(['http://192.168.1.20:3000/?join=K7PXQ3']);
    expect(lanJoinUrls('http://192.168.1.20:3000', 3000, 'K7PXQ3', ['192.168.1.20'])).toEqual([]);
  });
});
