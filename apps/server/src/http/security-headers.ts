import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Phaser renders through WebGL and needs inline styles for its canvas; scripts stay same-origin.
 * What helmet's defaults would add on top is decided per request below.
 */
const directives = {
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
};

/**
 * Security headers that work for a trainer's laptop on a classroom LAN as well as behind a TLS
 * proxy. Over plain HTTP (http://192.168.1.20:3000) the page must not carry
 * `upgrade-insecure-requests` — the browser would fetch every script over https from a server
 * that has none and show a blank page — nor HSTS, nor Cross-Origin-Opener-Policy (which browsers
 * ignore on an untrustworthy origin, with an error in the console). They are sent only when the
 * request came over TLS: directly, or through a trusted proxy that says so in X-Forwarded-Proto
 * (TRUST_PROXY; Express's `request.secure`).
 */
export function securityHeaders(): RequestHandler {
  const plain = helmet({
    contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': null } },
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: false,
  });
  const secure = helmet({
    contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': [] } },
    strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60 },
  });
  return (request, response, next) => (request.secure ? secure : plain)(request, response, next);
}
