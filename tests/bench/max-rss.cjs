// Preloaded (node -r) into a measured process: reports its peak resident memory on exit.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
