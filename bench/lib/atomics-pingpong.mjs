// The floor under every p9rt system call (issue 13.4): two worker threads
// handing a word back and forth through Atomics.wait/notify on shared memory,
// as an M and the kernel worker do (host/m/mailbox.ts), without anything else.
// Prints "atomics_pingpong NS ns/roundtrip" (the median of 5 batches).
import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';

const N = 20000;
if (isMainThread) {
  const sab = new SharedArrayBuffer(8);
  const word = new Int32Array(sab);
  const per = [];
  for (let batch = 0; batch < 5; batch++) {
    word[0] = 0;
    const w = new Worker(new URL(import.meta.url), { workerData: { sab, n: N } });
    await new Promise((r) => w.once('message', r)); // the worker is up
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) {
      Atomics.store(word, 0, 1);
      Atomics.notify(word, 0);
      while (Atomics.load(word, 0) !== 2) Atomics.wait(word, 0, 1);
    }
    per.push(Number(process.hrtime.bigint() - t0) / N);
    await w.terminate();
  }
  per.sort((a, b) => a - b);
  console.log(`atomics_pingpong ${per[2].toFixed(1)} ns/roundtrip`);
} else {
  const word = new Int32Array(workerData.sab);
  parentPort.postMessage('up');
  for (let i = 0; i < workerData.n; i++) {
    while (Atomics.load(word, 0) !== 1) Atomics.wait(word, 0, Atomics.load(word, 0) === 2 ? 2 : 0);
    Atomics.store(word, 0, 2);
    Atomics.notify(word, 0);
  }
}
