import { Decoder, Encoder, type Packet } from 'socket.io-parser';

/**
 * socket.io's own wire format, minus one walk. The stock encoder searches every outgoing
 * message, all of it, for binary attachments before serialising it; a team's board is a deep
 * object that goes to every team every hour. The protocol is JSON only (every message is a zod
 * schema of plain data), so the search never finds anything: this encoder skips it and writes
 * what the stock one writes for a packet without binary (the socket.io protocol's string form:
 * type, namespace unless "/", ack id, JSON data), as json-only-parser.test.ts checks against it.
 * Decoding is the stock decoder's.
 */
class JsonOnlyEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) text += packet.id;
    if (packet.data !== undefined && packet.data !== null) text += JSON.stringify(packet.data);
    return [text];
  }
}

export const jsonOnlyParser = { Encoder: JsonOnlyEncoder, Decoder };
