import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { BadInputError } from '../common/domain-errors.js';

/**
 * Where a webhook may send: public addresses only, unless WEBHOOK_ALLOW_PRIVATE=true. Otherwise an
 * admin (or anyone who takes over an admin session) could make the API call the cloud metadata
 * service (169.254.169.254), the database or an internal admin page, and read its status codes.
 * The host is resolved again at each delivery, and the request goes to the address checked, so a
 * name that later resolves to a private address (DNS rebinding) is refused then too.
 */
export type AddressKind = 'public' | 'loopback' | 'link-local' | 'private' | 'reserved';

const RANGES: Array<[AddressKind, string, number, 'ipv4' | 'ipv6']> = [
  ['reserved', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'], // cloud metadata services live here
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['reserved', '192.0.2.0', 24, 'ipv4'],
  ['reserved', '192.88.99.0', 24, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['reserved', '198.51.100.0', 24, 'ipv4'],
  ['reserved', '203.0.113.0', 24, 'ipv4'],
  ['reserved', '224.0.0.0', 4, 'ipv4'], // multicast
  ['reserved', '240.0.0.0', 4, 'ipv4'], // and 255.255.255.255
  ['reserved', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['reserved', '64:ff9b::', 96, 'ipv6'], // NAT64 embeds an IPv4 address we would not check
  ['reserved', '64:ff9b:1::', 48, 'ipv6'],
  ['reserved', '100::', 64, 'ipv6'],
  ['reserved', '2001::', 23, 'ipv6'], // Teredo and other protocol assignments
  ['reserved', '2001:db8::', 32, 'ipv6'],
  ['reserved', '2002::', 16, 'ipv6'], // 6to4 embeds an IPv4 address too
  ['private', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['private', 'fec0::', 10, 'ipv6'],
  ['reserved', 'ff00::', 8, 'ipv6'],
];

const LISTS = new Map<AddressKind, BlockList>();
for (const [kind, network, prefix, family] of RANGES) {
  if (!LISTS.has(kind)) LISTS.set(kind, new BlockList());
  LISTS.get(kind)!.addSubnet(network, prefix, family);
}

/** What kind of address `ip` is (an IPv4-mapped IPv6 address counts as its IPv4 address). */
export function addressKind(raw: string): AddressKind {
  const ip = raw.split('%')[0];
  const family = isIP(ip);
  if (family === 0) return 'reserved';
  const mapped = family === 6 ? mappedIPv4(ip) : undefined;
  const [address, type] = mapped ? [mapped, 'ipv4' as const] : [ip, family === 4 ? ('ipv4' as const) : ('ipv6' as const)];
  for (const [kind, list] of LISTS) if (list.check(address, type)) return kind;
  return 'public';
}

/** `::ffff:127.0.0.1` or `::ffff:7f00:1` → `127.0.0.1`; undefined for any other IPv6 address. */
function mappedIPv4(ip: string): string | undefined {
  const groups = ipv6Groups(ip);
  if (!groups || groups.slice(0, 5).some((g) => g !== 0) || groups[5] !== 0xffff) return undefined;
  return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(ip: string): number[] | undefined {
  let text = ip.toLowerCase().split('%')[0];
  const tail: number[] = [];
  const dotted = text.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const p = dotted[2].split('.').map(Number);
    tail.push((p[0] << 8) | p[1], (p[2] << 8) | p[3]);
    text = dotted[1].endsWith('::') ? dotted[1] : dotted[1].slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const missing = 8 - head.length - rest.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...Array<number>(missing).fill(0), ...rest, ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

export interface Destination {
  url: URL;
  /** The address the request must go to: the one that was checked. */
  address: string;
  family: 4 | 6;
}

/** Why a destination was refused, in words fit for an admin (no resolved address: that would map the internal network). */
export class DestinationRefusedError extends Error {}

type Lookup = (hostname: string) => Promise<Array<{ address: string; family: number }>>;
const systemLookup: Lookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * Resolves the URL's host and checks every address it resolves to (one private address among public
 * ones is enough to refuse: the client might pick it). Throws DestinationRefusedError.
 */
export async function resolveDestination(raw: string, allowPrivate: boolean, lookup: Lookup = systemLookup): Promise<Destination> {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DestinationRefusedError('only http:// and https:// addresses are allowed');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host);
    } catch {
      throw new DestinationRefusedError(`the host ${host} could not be resolved`);
    }
  }
  if (addresses.length === 0) throw new DestinationRefusedError(`the host ${host} could not be resolved`);
  if (!allowPrivate) {
    const kinds = new Set(addresses.map((a) => addressKind(a.address)));
    kinds.delete('public');
    if (kinds.size > 0) {
      throw new DestinationRefusedError(
        `${host} is (or resolves to) a ${[...kinds].join(' / ')} address; webhooks only go to public addresses unless WEBHOOK_ALLOW_PRIVATE=true`,
      );
    }
  }
  const chosen = addresses[0];
  return { url, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

/** The same check at registration, as a 400 with a stable code. */
export async function assertRegistrableDestination(raw: string, allowPrivate: boolean, lookup?: Lookup): Promise<void> {
  const url = new URL(raw);
  if (url.username || url.password) {
    throw new BadInputError('url: must not carry a user name or password (they would be stored and shown in clear); use the signing secret instead', undefined, 'invalid_input');
  }
  try {
    await resolveDestination(raw, allowPrivate, lookup);
  } catch (error) {
    if (error instanceof DestinationRefusedError) throw new BadInputError(`url: refused: ${error.message}`, undefined, 'webhook_destination_refused');
    throw error;
  }
}
