// Preloaded (node -r) into a measured process: reports its peak resident memory on exit
// (stderr is a pipe here, and pipes are written synchronously on Linux).
process.on('exit', () => {
  process.stderr.write(`\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
