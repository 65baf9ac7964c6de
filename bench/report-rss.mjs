// Preloaded into measured processes: reports on exit their peak resident set size and the CPU time they
// used (user and system), which the bench reads from stderr.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nbench-max-rss-kib=${usage.maxRSS} bench-cpu-us=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
