export * from './client-messages.js';
export * from './join-code.js';
export * from './replay.js';
export * from './server-messages.js';
export * from './session-log.js';

/** socket.io event names: one for client messages (with an acknowledgement), one for pushes. */
export const CLIENT_EVENT = 'message';
export const SERVER_EVENT = 'update';
/** The largest client message accepted, in bytes of JSON. */
export const MAX_MESSAGE_BYTES = 8 * 1024;
