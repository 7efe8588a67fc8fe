import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The client's address, trusting exactly one reverse proxy (TRUSTED_PROXY, e.g. 127.0.0.1): only
 * on a connection from that address are X-Forwarded-For (its last entry, the one the proxy wrote)
 * and X-Real-IP believed; from anywhere else they are a client's say-so and are dropped, so neither
 * this server nor Astro ever reads them.
 */
export interface ClientAddressOptions {
  /** The proxy's own address as the server sees the connection; unset trusts no proxy. */
  trustedProxy?: string;
}

/** "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').replace(/^\[(.*)\]$/, '$1');

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

/** Pure: the address a request comes from, given its connection's peer and its headers. */
export function clientAddressOf(peer: string | undefined, headers: IncomingMessage['headers'], options: ClientAddressOptions): string | undefined {
  if (peer === undefined) return undefined;
  if (!options.trustedProxy || plain(peer) !== plain(options.trustedProxy)) return peer;
  const forwarded = header(headers['x-forwarded-for'])?.split(',').map(plain).filter(Boolean).at(-1);
  return forwarded ?? (header(headers['x-real-ip']) ? plain(header(headers['x-real-ip'])!) : peer);
}

/** Each connection's real peer, read before its remoteAddress is replaced by a request's client. */
const peers = new WeakMap<Socket, string | undefined>();

/**
 * Settles the request's client address before anything else runs. Astro's Node adapter takes
 * `clientAddress` from the socket's `remoteAddress` (x-forwarded-for only for hosts listed in
 * security.allowedDomains, which this site does not use): that getter is replaced, per request, by
 * the address worked out here, and the forwarding headers are removed so nothing reads them
 * unchecked. Read now, the address also survives the client hanging up (Node reads the peer
 * lazily and cannot once the connection is reset; Astro then threw ClientAddressNotAvailable).
 * Answers undefined when the client is already gone.
 */
export function settleClientAddress(request: IncomingMessage, options: ClientAddressOptions = { trustedProxy: process.env.TRUSTED_PROXY }): string | undefined {
  const { socket } = request;
  if (!peers.has(socket)) peers.set(socket, socket.remoteAddress);
  const address = clientAddressOf(peers.get(socket), request.headers, options);
  delete request.headers['x-forwarded-for'];
  delete request.headers['x-real-ip'];
  if (address !== undefined) Object.defineProperty(socket, 'remoteAddress', { value: address, configurable: true, writable: true });
  return address;
}
