import { Encoder, type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { jsonOnlyParser } from './json-only-parser.js';

const board = { type: 'board', board: { team: 2, cards: [{ id: 7, hours: 1.5, text: 'Gift wrap, "urgent"' }], cash: -120, note: null } };

const packets: Packet[] = [
  { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
  { type: PacketType.CONNECT, nsp: '/admin' },
  { type: PacketType.DISCONNECT, nsp: '/' },
  { type: PacketType.EVENT, nsp: '/', data: ['update', board] },
  { type: PacketType.EVENT, nsp: '/admin', data: ['update', { type: 'session', paused: true }], id: 12 },
  { type: PacketType.ACK, nsp: '/', data: [{ ok: true, sessionId: 'é✓' }], id: 0 },
  { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'protocol-version' } },
];

describe('the JSON-only encoder', () => {
  it('writes exactly what socket.io’s own encoder writes for packets without binary', () => {
    const stock = new Encoder();
    const ours = new jsonOnlyParser.Encoder();
    for (const packet of packets) expect(ours.encode(packet)).toEqual(stock.encode(packet));
  });

  it('round-trips through the stock decoder', () => {
    const decoder = new jsonOnlyParser.Decoder();
    const decoded: Packet[] = [];
    decoder.on('decoded', (packet: Packet) => decoded.push(packet));
    const event = packets[3] as Packet;
    for (const text of new jsonOnlyParser.Encoder().encode(event)) decoder.add(text);
    expect(decoded).toEqual([{ type: PacketType.EVENT, nsp: '/', data: ['update', board] }]);
  });
});
