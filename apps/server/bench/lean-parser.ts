// A socket.io parser for the load generator (bench/load.ts), used identically against our
// server and the bare relay. One process here plays thousands of clients, each of which would
// decode its own messages on its own device; parsing every board of every client in this one
// process (about 3,000 boards of ~2 kB a second at 100 sessions × 30) made the generator's own
// garbage collection delay the moment it saw a broadcast arrive: an artifact of co-locating
// the clients, not something a class has. So pushed "update" messages whose type the
// benchmark does not time ("board", "session", "dashboard", "lobby", …) are handed on as
// { type, raw }, unparsed; of a board the benchmark reads only its card ids, straight from the
// text. Everything else (acknowledgements, "decided", connect
// packets) is decoded by socket.io-parser's own decoder, exactly as before. What is timed does
// not change: the arrival of a "decided" message on a teammate's socket is still observed when
// its packet is decoded, in the same event-loop turn as before.
import { SERVER_EVENT } from '@ttc/protocol';
import { Encoder, Decoder as FullDecoder, PacketType } from 'socket.io-parser';

export { Encoder };

/** A pushed message kept as text: its type, and the socket.io packet it came in. */
export interface RawMessage {
  type: string;
  raw: string;
}

// An EVENT packet on the main namespace without an ack id: `2["update",{"type":"board",…`.
const PREFIX = `${PacketType.EVENT}["${SERVER_EVENT}",{"type":"`;

export class Decoder extends FullDecoder {
  override add(data: unknown): void {
    if (typeof data === 'string' && data.startsWith(PREFIX)) {
      const end = data.indexOf('"', PREFIX.length);
      const type = data.slice(PREFIX.length, end);
      if (end > 0 && type !== 'decided') {
        const message: RawMessage = { type, raw: data };
        this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: [SERVER_EVENT, message] });
        return;
      }
    }
    super.add(data);
  }
}

const CARD_ID = '"demand":{"id":';

/**
 * The ids of a board's waiting cards, read from the board's text without parsing all of it
 * (and without keeping the text: thousands of boards held from one tick to the next would
 * survive every young-generation collection and slow each of them).
 */
export function cardIds(raw: string): number[] {
  const ids: number[] = [];
  for (let at = raw.indexOf(CARD_ID); at >= 0; at = raw.indexOf(CARD_ID, at)) {
    at += CARD_ID.length;
    let id = 0;
    for (let code = raw.charCodeAt(at); code >= 48 && code <= 57; code = raw.charCodeAt(++at)) id = id * 10 + code - 48;
    ids.push(id);
  }
  return ids;
}
