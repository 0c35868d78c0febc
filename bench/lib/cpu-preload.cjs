// Preloaded (node -r) by bench/http.mjs: at exit, the process's CPU time (all
// its threads, user and system) on stderr as "cpu_us N", which the machine's
// load disturbs far less than wall time.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\ncpu_us ${u.user + u.system}\n`);
});
