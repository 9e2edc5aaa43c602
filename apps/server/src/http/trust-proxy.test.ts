import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { addressKey, parseTrustProxy } from './trust-proxy.js';

describe('TRUST_PROXY', () => {
  it('accepts false, a hop count, and lists of addresses, subnets and names', () => {
    for (const value of ['false', '', '1', '2', 'loopback', '10.0.0.0/8, fd00::/8', '127.0.0.1,uniquelocal']) {
      expect(parseTrustProxy(value).ok, value).toBe(true);
    }
    const oneHop = parseTrustProxy('1');
    expect(oneHop.ok && oneHop.trust('10.0.0.2', 0)).toBe(true);
    expect(oneHop.ok && oneHop.trust('10.0.0.3', 1)).toBe(false);
  });

  it('refuses "true" and what is not an address, with the reason in the start message', () => {
    const trustAll = readConfig({ TRUST_PROXY: 'true' });
    expect(trustAll.ok).toBe(false);
    if (!trustAll.ok) expect(trustAll.message).toMatch(/TRUST_PROXY: trusting every proxy lets any client choose its own address/);
    const nonsense = readConfig({ TRUST_PROXY: 'the proxy' });
    expect(nonsense.ok).toBe(false);
    if (!nonsense.ok) expect(nonsense.message).toMatch(/TRUST_PROXY: not an address, subnet or hop count/);
  });
});

describe('other settings', () => {
  it('refuse a short passcode without repeating it, and out-of-range limits', () => {
    const short = readConfig({ HOST_PASSCODE: 'abc' });
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.message).toContain('HOST_PASSCODE: at least 4 characters');
      expect(short.message).not.toContain('abc');
    }
    for (const [name, value] of [
      ['LOBBY_EXPIRY_HOURS', '-1'],
      ['MAX_SEATS_PER_SESSION', '0'],
      ['MAX_CONNECTIONS_PER_ADDRESS', 'many'],
      ['REQUEST_TIMEOUT_MS', '50'],
      ['NODE_ENV', 'staging'],
    ] as const) {
      const result = readConfig({ [name]: value });
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message).toContain(`${name}:`);
    }
  });
});

describe('the key limits per address count under', () => {
  it('is the IPv4 address, also written as IPv6, and the /64 network of an IPv6 address', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
