/**
 * Where Pitwatch may connect on a user's say-so (webhooks, push endpoints, MQTT brokers): in AWS only public
 * addresses (and only `https` for webhooks and push), so a user cannot point Pitwatch at the instance metadata
 * service, the VPC or anything else private. The check runs on the addresses DNS answers,
 * at connect time (the `lookup` of the request), so a name that resolves to a private address, or rebinds to one
 * after a first check, is refused too. Locally the policy also allows loopback (http or https), so users can try a
 * receiver on their own machine; private ranges stay refused there as well.
 */
import { lookup as dnsLookup, promises as dnsPromises, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface EgressPolicy {
  /** Allow 127.0.0.0/8 and ::1 (and http to them). */
  allowLoopback: boolean;
  /**
   * Host names (or address literals) the operator named on the command line, allowed whatever they resolve to: the
   * local stack's `--mqtt-url` broker, which usually sits on the user's own network (192.168.x.x). Never set in AWS.
   */
  allowedHosts?: readonly string[];
}

export const awsEgressPolicy: EgressPolicy = Object.freeze({ allowLoopback: false });

const notPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) notPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) notPublic.addSubnet(net, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export function isLoopbackAddress(address: string): boolean {
  const a = unmapped(address);
  return loopback.check(a.address, a.family);
}

export function addressAllowed(address: string, policy: EgressPolicy): boolean {
  const a = unmapped(address);
  if (loopback.check(a.address, a.family)) return policy.allowLoopback;
  return !notPublic.check(a.address, a.family);
}

export class EgressRefusedError extends Error {
  override name = 'EgressRefusedError';
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

function operatorAllowed(host: string, policy: EgressPolicy): boolean {
  return policy.allowedHosts?.some((allowed) => allowed.toLowerCase() === host.toLowerCase()) ?? false;
}

function checkLiteral(host: string, policy: EgressPolicy): void {
  if (operatorAllowed(host, policy)) return;
  if (isIP(host) !== 0 && !addressAllowed(host, policy)) throw new EgressRefusedError(`${host} is not a public address`);
  if (host === 'localhost' && !policy.allowLoopback) throw new EgressRefusedError('localhost is not a public address');
}

/** The URL's own rules (before any DNS): a scheme and port we send to, no credentials in it. */
export function checkUrl(raw: string, policy: EgressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EgressRefusedError('not a URL');
  }
  if (url.username || url.password) throw new EgressRefusedError('credentials in the URL are not allowed');
  const host = bareHost(url);
  if (url.protocol === 'http:') {
    const loopbackName = host === 'localhost' || (isIP(host) !== 0 && isLoopbackAddress(host));
    if (!(policy.allowLoopback && loopbackName)) throw new EgressRefusedError('only https URLs are allowed');
  } else if (url.protocol !== 'https:') throw new EgressRefusedError('only https URLs are allowed');
  checkLiteral(host, policy);
  return url;
}

/** An MQTT broker's URL before any DNS: mqtt:// or mqtts://, no credentials in it, not a refused address literal. */
export function checkBrokerUrl(raw: string, policy: EgressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EgressRefusedError('not a URL');
  }
  if (url.protocol !== 'mqtt:' && url.protocol !== 'mqtts:') throw new EgressRefusedError('only mqtt:// and mqtts:// URLs are allowed');
  if (url.username || url.password) throw new EgressRefusedError('credentials in the URL are not allowed');
  checkLiteral(bareHost(url), policy);
  return url;
}

/** Every address a name resolves to (a DNS failure resolves to nothing). */
export type HostResolver = (hostname: string) => Promise<string[]>;

export const dnsResolver: HostResolver = async (hostname) => {
  try {
    return (await dnsPromises.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return [];
  }
};

/**
 * Checked before a URL is stored: refused when its host resolves to an address the policy refuses. A name that does
 * not resolve (yet) passes here, and meets the connect-time guard (`guardedLookup`) like every other.
 */
export async function checkResolvedHost(url: URL, policy: EgressPolicy, resolve: HostResolver = dnsResolver): Promise<void> {
  const host = bareHost(url);
  if (operatorAllowed(host, policy)) return;
  const addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  const refused = addresses.find((address) => !addressAllowed(address, policy));
  if (refused !== undefined) throw new EgressRefusedError(refused === host ? `${host} is not a public address` : `${host} resolves to ${refused}, which is not a public address`);
}

/** A `lookup` for http(s).request that resolves the name and refuses the connection unless every address is allowed. */
export function guardedLookup(policy: EgressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const refused = operatorAllowed(hostname, policy) ? undefined : list.find((a) => !addressAllowed(a.address, policy));
      if (refused || list.length === 0) return callback(new EgressRefusedError(`${hostname} resolves to ${refused?.address ?? 'nothing'}, which is not a public address`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
