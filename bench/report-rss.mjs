// Preloaded into measured processes: reports their peak resident set size on exit.
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
