export * from './client-messages.js';
export * from './display-name.js';
export * from './errors.js';
export * from './game-views.js';
export * from './join-code.js';
export * from './replay.js';
export * from './replies.js';
export * from './rest.js';
export * from './server-messages.js';
export * from './session-log.js';

/** socket.io event names: one for client messages (with an acknowledgement), one for pushes. */
export const CLIENT_EVENT = 'message';
export const SERVER_EVENT = 'update';
/** The largest client message accepted, in bytes of JSON (UTF-8): larger ones get `too-large`. */
export const MAX_MESSAGE_BYTES = 8 * 1024;
/**
 * The largest socket.io frame the server reads at all. A frame between MAX_MESSAGE_BYTES and
 * this gets a `too-large` reply; a larger one closes the connection (WebSocket close 1009,
 * "message too big"; HTTP long-polling answers 413) before anything of it is read.
 */
export const MAX_FRAME_BYTES = 64 * 1024;
