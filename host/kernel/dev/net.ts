// #I: /net/tcp over an in-emulator loopback, and /net/cs (4e ip/devip.c,
// ip/tcp.c, ndb/cs). Go's net package drives it as on Plan 9
// (go net/ipsock_plan9.go): write "tcp!host!port" to /net/cs and read back
// "/net/tcp/clone host!port"; open clone and read the conversation number;
// write "announce host!port" or "connect host!port" to its ctl; open
// <n>/listen (blocks until a call) and read the new conversation's number;
// read <n>/local and <n>/remote; read and write <n>/data; "close" or
// "hangup" on ctl, or the last close, hangs the conversation up and the
// peer's reads fail with "Hangup" once its queue is drained. /net/udp is
// in udp.ts.
import type { Kernel } from '../kernel.js';
import { Block, Proc, Rendez } from '../portdat.js';
import { KError, Enonexist, Eperm } from '../error.js';
import { Queue } from '../qio.js';
import { newChan, readstr, type Chan, type Dev } from './dev.js';
import { isLoopback, parseAddr, LOOPBACK, ANY } from './ipaddr.js';
import { UdpStack, udpopen, udpchanread, udpchanwrite, udpclose, type UdpAux } from './udp.js';
import { wakeup } from '../proc.js';

/** 4e qio's limit on a conversation's queue: a write beyond it waits (after queueing). */
const QLIMIT = 64 * 1024;
const FIRST_EPHEMERAL = 40000;
const Ehangup = 'Hangup';
/** 4e devip: the listen file of a conversation hung up while (or before) waiting for a call. */
const Elistenhungup = 'listen hungup';

type ConvState = 'idle' | 'announced' | 'connected' | 'closed';

export class Conv {
  state: ConvState = 'idle';
  inuse = false;
  ref = 0;
  lip = LOOPBACK;
  lport = 0;
  rip = ANY;
  rport = 0;
  peer: Conv | null = null;
  /** Data that arrived for this end; hung up when no more can come. */
  readonly rq = new Queue(QLIMIT);
  readonly listenR = new Rendez();
  calls: Conv[] = [];
  /** Counts the conversation's lives: a listener asleep across a reset and reuse sees it changed. */
  gen = 0;
  constructor(readonly n: number) {}

  reset(): void {
    this.gen++;
    this.state = 'idle';
    this.inuse = false;
    this.ref = 0;
    this.lip = LOOPBACK;
    this.lport = this.rport = 0;
    this.rip = ANY;
    this.peer = null;
    this.rq.reopen();
    this.calls = [];
  }
}

export class NetStack {
  readonly convs: Conv[] = [];
  readonly announced = new Map<number, Conv>();
  readonly udp = new UdpStack();
  private nextport = FIRST_EPHEMERAL;

  clone(): Conv {
    let c = this.convs.find((c) => !c.inuse);
    if (!c) this.convs.push((c = new Conv(this.convs.length)));
    c.reset();
    c.inuse = true;
    return c;
  }

  ephemeral(): number {
    while (this.announced.has(this.nextport)) this.nextport++;
    return this.nextport++;
  }
}

type NetFile = 'clone' | 'ctl' | 'data' | 'listen' | 'local' | 'remote' | 'status';
type NetAux = { kind: 'tcp'; conv: Conv; file: NetFile } | { kind: 'cs'; answer: string } | UdpAux;

/** Hang the conversation up: both ends' readers see Hangup after their data. */
function hangup(k: Kernel, c: Conv): void {
  if (c.state === 'announced') {
    k.net.announced.delete(c.lport);
    for (const call of c.calls) hangup(k, call);
    c.calls = [];
    // Closed before the wakeup: with the real clock a woken listener
    // re-tries its open at once, and must find the conversation over (it
    // slept again, and Accept never returned).
    c.state = 'closed';
    c.rq.hangup(k, Ehangup);
    wakeup(k, c.listenR);
  }
  if (c.state === 'connected') {
    const q = c.peer;
    if (q) {
      q.rq.hangup(k, Ehangup);
      // Unlink both ends: this Conv is reset and reused by the next clone
      // once released, and the peer's own hangup must not reach that
      // new conversation (it did: a redial read Hangup at once).
      if (q.peer === c) q.peer = null;
      c.peer = null;
    }
  }
  c.state = 'closed';
  c.rq.hangup(k, Ehangup);
}

function ctl(k: Kernel, c: Conv, msg: string): void {
  const f = msg.trim().split(/\s+/);
  switch (f[0]) {
    case 'connect': {
      if (c.state !== 'idle') throw new KError('already connected');
      const [ip, port] = parseAddr(f[1] ?? '');
      const l = isLoopback(ip) ? k.net.announced.get(port) : undefined;
      if (!l || l.state !== 'announced') throw new KError('connection refused');
      c.lport = f[2] ? parseAddr(f[2])[1] || k.net.ephemeral() : k.net.ephemeral();
      c.lip = LOOPBACK;
      c.rip = LOOPBACK;
      c.rport = port;
      c.state = 'connected';
      const s = k.net.clone();
      s.state = 'connected';
      s.lip = LOOPBACK;
      s.lport = port;
      s.rip = LOOPBACK;
      s.rport = c.lport;
      s.peer = c;
      c.peer = s;
      l.calls.push(s);
      wakeup(k, l.listenR);
      return;
    }
    case 'announce': {
      if (c.state !== 'idle') throw new KError('already announced or connected');
      const [ip, p] = parseAddr(f[1] ?? '');
      const port = p === 0 ? k.net.ephemeral() : p;
      if (k.net.announced.has(port)) throw new KError('address in use');
      c.lip = ip;
      c.lport = port;
      c.state = 'announced';
      k.net.announced.set(port, c);
      return;
    }
    case 'close':
    case 'hangup':
      hangup(k, c);
      return;
    case 'keepalive':
    case 'bind':
    case 'ttl':
    case 'tos':
      return;
    default:
      throw new KError('bad control message');
  }
}

function release(k: Kernel, c: Conv): void {
  if (--c.ref > 0) return;
  if (c.state !== 'idle' && c.state !== 'closed') hangup(k, c);
  c.reset();
}

function tcpread(k: Kernel, c: Conv, file: NetFile, n: number, off: bigint): Uint8Array | Block {
  switch (file) {
    case 'ctl':
    case 'clone':
      return readstr(String(c.n), n, off);
    case 'local':
      return readstr(`${c.lip}!${c.lport}`, n, off);
    case 'remote':
      return readstr(`${c.rip}!${c.rport}`, n, off);
    case 'status':
      return readstr(`tcp/${c.n} ${c.ref} ${c.state === 'connected' ? 'Established' : c.state === 'announced' ? 'Listen' : 'Closed'}\n`, n, off);
    case 'data': {
      // The queue is a byte stream: up to n bytes, then Hangup once drained.
      if (n === 0) return new Uint8Array(0);
      if (c.rq.len === 0 && c.state !== 'connected') throw new KError(Ehangup);
      return c.rq.read(k, n);
    }
    default:
      throw new KError(Eperm);
  }
}

function tcpwrite(k: Kernel, p: Proc, c: Conv, file: NetFile, data: Uint8Array): number | Block {
  switch (file) {
    case 'ctl':
    case 'clone':
      ctl(k, c, new TextDecoder().decode(data));
      return data.length;
    case 'data': {
      const x = p.sc!.x;
      const q = c.peer;
      if (!x.queued && (c.rq.closed || c.state !== 'connected' || !q || q.state !== 'connected')) throw new KError(Ehangup);
      // Hung up while waiting for room: the data went.
      if (!q || c.rq.closed) return data.length;
      return q.rq.bwrite(k, x, data);
    }
    default:
      throw new KError(Eperm);
  }
}

export const netdev: Dev = {
  name: 'net',
  open(k, p, path, mode) {
    if (path.length === 1 && path[0] === 'cs') return newChan(netdev, '/net/cs', mode, { kind: 'cs', answer: '' });
    if (path[0] === 'udp') return udpopen(k, netdev, path, mode);
    if (path[0] !== 'tcp') throw new KError(Enonexist);
    if (path.length === 2 && path[1] === 'clone') {
      const c = k.net.clone();
      c.ref = 1;
      return newChan(netdev, `/net/tcp/${c.n}/ctl`, mode, { kind: 'tcp', conv: c, file: 'ctl' });
    }
    if (path.length !== 3 || !/^[0-9]+$/.test(path[1])) throw new KError(Enonexist);
    const c = k.net.convs[Number(path[1])];
    const file = path[2] as NetFile;
    // 4e devip holds the conversation while a listener sleeps; here the
    // open is re-driven from its start when woken, so it remembers which
    // life of the conversation it waited on: a listener closed, released
    // and cloned anew meanwhile is not the one it waited for.
    const x = p.sc!.x;
    if (file === 'listen' && x.listenGen !== undefined && x.listenGen !== c?.gen) throw new KError(Elistenhungup);
    if (!c || !c.inuse || !['ctl', 'data', 'listen', 'local', 'remote', 'status'].includes(file)) throw new KError(Enonexist);
    if (file === 'listen') {
      if (c.state !== 'announced') throw new KError(c.rq.closed ? Elistenhungup : 'not announced');
      const call = c.calls.shift();
      if (!call) {
        x.listenGen = c.gen;
        return new Block(c.listenR);
      }
      // The listen fd is the new conversation's ctl.
      call.ref++;
      return newChan(netdev, `/net/tcp/${call.n}/ctl`, mode, { kind: 'tcp', conv: call, file: 'ctl' });
    }
    c.ref++;
    return newChan(netdev, `/net/tcp/${c.n}/${file}`, mode, { kind: 'tcp', conv: c, file });
  },
  read(k, _p, ch: Chan, n, off) {
    const a = ch.aux as NetAux;
    if (a.kind === 'cs') return readstr(a.answer, n, off);
    if (a.kind === 'udp') return udpchanread(k, a, n, off);
    return tcpread(k, a.conv, a.file, n, off);
  },
  write(k, p, ch: Chan, data) {
    const a = ch.aux as NetAux;
    if (a.kind === 'cs') {
      // ndb/cs for the loopback: "tcp!host!port" -> "/net/tcp/clone host!port".
      const f = new TextDecoder().decode(data).trim().split('!');
      if (f.length !== 3 || (f[0] !== 'tcp' && f[0] !== 'udp')) throw new KError("cs: can't translate address");
      const host = f[1] === 'localhost' ? LOOPBACK : f[1];
      if (!/^[0-9]+$/.test(f[2])) throw new KError("cs: can't translate service");
      a.answer = `/net/${f[0]}/clone ${host}!${f[2]}\n`;
      ch.offset = 0n;
      return data.length;
    }
    if (a.kind === 'udp') return udpchanwrite(k, a, data);
    return tcpwrite(k, p, a.conv, a.file, data);
  },
  close(k, ch: Chan) {
    const a = ch.aux as NetAux;
    if (a.kind === 'tcp') release(k, a.conv);
    else if (a.kind === 'udp') udpclose(k, a);
  },
};
