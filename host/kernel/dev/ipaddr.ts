// Addresses in the ctl messages of /net/tcp and /net/udp, read one way for
// both, as Plan 9's devip reads them for every protocol (4e ip/devip.c
// setladdrport/setraddrport with ip/ipaux.c parseip): "[ip!]port", the ip a
// number (IPv4, or IPv6 such as :: and ::1) or * for any address. Names are
// /net/cs's business (it answers localhost with 127.0.0.1, as ndb/cs does),
// and Go always asks cs first (go net/ipsock_plan9.go queryCS1), so a name in
// a ctl message is a bad address, for tcp and udp alike.
import { KError } from '../error.js';

/** The one loopback address of the in-emulator network. */
export const LOOPBACK = '127.0.0.1';
/** Any address (an announce on *, ::, 0.0.0.0 or none). */
export const ANY = '0.0.0.0';

/** "[ip!]port" -> [ip, port]; the unspecified forms become ANY. */
export function parseAddr(s: string): [string, number] {
  const i = s.lastIndexOf('!');
  const host = i >= 0 ? s.slice(0, i) : '*';
  const ps = i >= 0 ? s.slice(i + 1) : s;
  if (!/^[0-9]+$/.test(ps)) throw new KError('bad address: ' + s);
  const port = Number(ps);
  if (port > 65535) throw new KError('bad address: ' + s);
  if (host === '*' || host === '' || host === '::' || host === ANY) return [ANY, port];
  const v4 = /^[0-9]+(\.[0-9]+){3}$/.test(host) && host.split('.').every((f) => Number(f) <= 255);
  const v6 = /^[0-9a-fA-F:.]+$/.test(host) && host.includes(':');
  if (!v4 && !v6) throw new KError('bad address: ' + s);
  return [host, port];
}

/** The loopback answers for 127/8, ::1 and the unspecified address (the host itself). */
export function isLoopback(ip: string): boolean {
  return ip === ANY || ip.startsWith('127.') || ip === '::1';
}
