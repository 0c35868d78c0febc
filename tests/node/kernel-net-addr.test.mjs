// tcp and udp read the addresses of their ctl messages one way (host/kernel/dev/ipaddr.ts,
// after 4e devip's parseip): numbers and * only; /net/cs turns localhost into 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFixture } from './fixtures/run.mjs';

test('tcp and udp: a name in ctl is a bad address, :: is any address; cs translates localhost', async () => {
  const r = await runFixture({ scenario: 'addrs' });
  assert.equal(
    r.stdout,
    'tcp connect localhost!9: bad address: localhost!9\n' +
      'tcp announce ::!0: ok\n' +
      'tcp announce 127.0.0.1!x: bad address: 127.0.0.1!x\n' +
      'udp connect localhost!9: bad address: localhost!9\n' +
      'udp announce ::!0: ok\n' +
      'udp announce 127.0.0.1!x: bad address: 127.0.0.1!x\n' +
      'cs /net/udp/clone 127.0.0.1!9\n',
  );
});
