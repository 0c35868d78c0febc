// #I/udp: datagrams over the in-emulator loopback (4e ip/udp.c, with the
// conversation files of ip/devip.c). Go's net package drives it as on
// Plan 9 (go net/udpsock_plan9.go, ipsock_plan9.go): clone; "announce
// ip!port" or "connect ip!port [lport]" on ctl; "headers" to make every
// read and write of data carry the 52-byte header raddr[16] laddr[16]
// ifcaddr[16] rport[2] lport[2] (IPv6 form, ports big-endian); each read
// of data returns one datagram (the part beyond the reader's count is
// lost, as qread of a Qmsg queue does) and blocks until one arrives. UDP
// never waits for room: a datagram to a full queue, to a port nobody
// holds or to a host beyond the loopback is dropped, as ip/udp.c drops.
import type { Kernel } from '../kernel.js';
import { Block } from '../portdat.js';
import { KError, Enonexist, Eperm } from '../error.js';
import { Queue } from '../qio.js';
import { newChan, readstr, type Chan, type Dev } from './dev.js';
import { isLoopback, parseAddr, LOOPBACK, ANY } from './ipaddr.js';

/** 4e udp's receive queue limit (qopen(64*1024, Qmsg, ...)): beyond it datagrams are dropped. */
const QLIMIT = 64 * 1024;
/** Ephemeral ports, as ip.c's: udp's are a space of their own, apart from tcp's. */
const FIRST_EPHEMERAL = 40000;
const Ehangup = 'Hangup';
/** Udphdrsize of ip/udp.c's "headers" mode (Udphdrsize = IPaddrlen*3 + 2*2). */
export const UDP_HDRSIZE = 16 * 3 + 2 + 2;

type UdpState = 'idle' | 'announced' | 'connected' | 'closed';
type UdpFile = 'ctl' | 'data' | 'local' | 'remote' | 'status';

/** A datagram on its way to a conversation, with the addresses its header shows. */
interface Dgram {
  rip: string;
  rport: number;
  lip: string;
  lport: number;
  data: Uint8Array;
}

export class UdpConv {
  state: UdpState = 'idle';
  inuse = false;
  ref = 0;
  headers = false;
  lip = ANY;
  lport = 0;
  rip = ANY;
  rport = 0;
  /** Datagrams that arrived (with their header in headers mode); hung up when done. */
  readonly rq = new Queue(QLIMIT, true);
  constructor(readonly n: number) {}

  reset(): void {
    this.state = 'idle';
    this.inuse = false;
    this.ref = 0;
    this.headers = false;
    this.lip = this.rip = ANY;
    this.lport = this.rport = 0;
    this.rq.reopen();
  }
}

export class UdpStack {
  readonly convs: UdpConv[] = [];
  /** Local port -> the conversation that holds it. */
  readonly bound = new Map<number, UdpConv>();
  private nextport = FIRST_EPHEMERAL;

  clone(): UdpConv {
    let c = this.convs.find((c) => !c.inuse);
    if (!c) this.convs.push((c = new UdpConv(this.convs.length)));
    c.reset();
    c.inuse = true;
    return c;
  }

  ephemeral(): number {
    while (this.bound.has(this.nextport)) this.nextport++;
    return this.nextport++;
  }
}

export type UdpAux = { kind: 'udp'; conv: UdpConv; file: UdpFile };

/** An address as the header carries it: 16 bytes, IPv4 in v4-in-v6 form. */
function putIP(b: Uint8Array, off: number, ip: string): void {
  const f = ip.split('.').map(Number);
  b[off + 10] = b[off + 11] = 0xff;
  for (let i = 0; i < 4; i++) b[off + 12 + i] = f[i] ?? 0;
}

function getIP(b: Uint8Array, off: number): string {
  return `${b[off + 12]}.${b[off + 13]}.${b[off + 14]}.${b[off + 15]}`;
}

function bind(k: Kernel, c: UdpConv, port: number): void {
  if (port === 0) port = k.net.udp.ephemeral();
  else if (k.net.udp.bound.has(port)) throw new KError('address in use');
  c.lport = port;
  k.net.udp.bound.set(port, c);
}

/** The conversation is done: unbind its port and fail its readers with Hangup. */
function hangup(k: Kernel, c: UdpConv): void {
  if (c.lport !== 0 && k.net.udp.bound.get(c.lport) === c) k.net.udp.bound.delete(c.lport);
  c.state = 'closed';
  c.rq.hangup(k, Ehangup);
}

function ctl(k: Kernel, c: UdpConv, msg: string): void {
  const f = msg.trim().split(/\s+/);
  switch (f[0]) {
    case 'connect': {
      if (c.state !== 'idle') throw new KError('already announced or connected');
      const [ip, port] = parseAddr(f[1] ?? '');
      // A connected conversation is bound too: its replies come to lport.
      bind(k, c, f[2] ? parseAddr(f[2])[1] : 0);
      c.lip = LOOPBACK;
      c.rip = isLoopback(ip) ? LOOPBACK : ip;
      c.rport = port;
      c.state = 'connected';
      return;
    }
    case 'announce': {
      if (c.state !== 'idle') throw new KError('already announced or connected');
      const [ip, port] = parseAddr(f[1] ?? '');
      bind(k, c, port);
      c.lip = ip;
      c.state = 'announced';
      return;
    }
    case 'headers':
      c.headers = true;
      return;
    case 'close':
    case 'hangup':
      hangup(k, c);
      return;
    case 'bind':
    case 'ttl':
    case 'tos':
    case 'ignoreadvice':
      return;
    default:
      throw new KError('bad control message');
  }
}

/**
 * udpiput: hand a datagram to the conversation holding its port. A
 * connected one takes only its peer's datagrams (ip.c's iphtlook matches
 * the whole 4-tuple before an announced conversation's port).
 */
function deliver(k: Kernel, d: Dgram): void {
  if (!isLoopback(d.lip)) return;
  const c = k.net.udp.bound.get(d.lport);
  if (!c || c.rq.closed) return;
  if (c.state === 'connected' && (c.rport !== d.rport || c.rip !== d.rip)) return;
  // As udpiput, the header goes in front of the data now, in the mode the
  // conversation is in; a full queue drops the datagram.
  c.rq.produce(k, c.headers ? withHeader(d) : d.data);
}

/** The datagram behind its 52-byte header. */
function withHeader(d: Dgram): Uint8Array {
  const m = new Uint8Array(UDP_HDRSIZE + d.data.length);
  putIP(m, 0, d.rip);
  putIP(m, 16, d.lip);
  putIP(m, 32, LOOPBACK);
  m[48] = d.rport >> 8;
  m[49] = d.rport & 0xff;
  m[50] = d.lport >> 8;
  m[51] = d.lport & 0xff;
  m.set(d.data, UDP_HDRSIZE);
  return m;
}

function udpread(k: Kernel, c: UdpConv, file: UdpFile, n: number, off: bigint): Uint8Array | Block {
  switch (file) {
    case 'ctl':
      return readstr(String(c.n), n, off);
    case 'local':
      return readstr(`${c.lip}!${c.lport}\n`, n, off);
    case 'remote':
      return readstr(`${c.rip}!${c.rport}\n`, n, off);
    case 'status':
      return readstr(`udp/${c.n} ${c.ref} ${c.rq.closed ? 'Closed' : 'Open'}\n`, n, off);
    case 'data':
      // One datagram per read; what does not fit is lost.
      return c.rq.read(k, n);
  }
}

function udpwrite(k: Kernel, c: UdpConv, file: UdpFile, data: Uint8Array): number {
  switch (file) {
    case 'ctl':
      ctl(k, c, new TextDecoder().decode(data));
      return data.length;
    case 'data': {
      if (c.rq.closed) throw new KError(Ehangup);
      if (c.state === 'idle') throw new KError('not connected');
      const src = { rip: c.lip === ANY ? LOOPBACK : c.lip, rport: c.lport };
      if (c.headers) {
        // udpkick drops a write too short to hold its header.
        if (data.length < UDP_HDRSIZE) return data.length;
        deliver(k, {
          ...src,
          lip: getIP(data, 0),
          lport: (data[48] << 8) | data[49],
          data: data.slice(UDP_HDRSIZE),
        });
      } else {
        if (c.state !== 'connected') throw new KError('destination address required');
        deliver(k, { ...src, lip: c.rip, lport: c.rport, data: data.slice() });
      }
      return data.length;
    }
    default:
      throw new KError(Eperm);
  }
}

function release(k: Kernel, c: UdpConv): void {
  if (--c.ref > 0) return;
  hangup(k, c);
  c.reset();
}

/** Open /net/udp/clone or /net/udp/<n>/<file>. */
export function udpopen(k: Kernel, dev: Dev, path: string[], mode: number): Chan {
  if (path.length === 2 && path[1] === 'clone') {
    const c = k.net.udp.clone();
    c.ref = 1;
    return newChan(dev, `/net/udp/${c.n}/ctl`, mode, { kind: 'udp', conv: c, file: 'ctl' } satisfies UdpAux);
  }
  if (path.length !== 3 || !/^[0-9]+$/.test(path[1])) throw new KError(Enonexist);
  const c = k.net.udp.convs[Number(path[1])];
  const file = path[2] as UdpFile;
  if (!c || !c.inuse || !['ctl', 'data', 'local', 'remote', 'status'].includes(file)) throw new KError(Enonexist);
  c.ref++;
  return newChan(dev, `/net/udp/${c.n}/${file}`, mode, { kind: 'udp', conv: c, file } satisfies UdpAux);
}

export function udpchanread(k: Kernel, a: UdpAux, n: number, off: bigint): Uint8Array | Block {
  return udpread(k, a.conv, a.file, n, off);
}

export function udpchanwrite(k: Kernel, a: UdpAux, data: Uint8Array): number {
  return udpwrite(k, a.conv, a.file, data);
}

export function udpclose(k: Kernel, a: UdpAux): void {
  release(k, a.conv);
}
