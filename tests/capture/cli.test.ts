// `trace from-pcap` and `trace to-pcap` as the trace format writes them: a real process through
// npm, real files and standard input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '@/lib/engine';
import { npmTrace as trace, root } from '../cli/npm-trace';

const fixture = (name: string) => join(root, 'tests', 'fixtures', 'captures', name);
const dir = mkdtempSync(join(tmpdir(), 'synack-capture-cli-'));

describe('trace from-pcap / to-pcap (real process)', () => {
  it('from-pcap FILE prints one trace per connection; - reads the same from standard input', async () => {
    const file = fixture('zeek_ftp_ipv6.pcap');
    const r = await trace(['from-pcap', file]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.traces).toHaveLength(6);
    expect(out.traces[0].endpoints.A).toEqual({ role: 'client', address: '[2001:470:1f11:81f:c999:d94:aa7c:2e3e]:49185' });
    expect(out.errors).toBeUndefined();
    const piped = await trace(['from-pcap', '-'], readFileSync(file));
    expect(JSON.parse(piped.stdout)).toEqual(out);
  }, 60_000);

  it('a capture cut short keeps the traces read and lists the damage, exit 0', async () => {
    const bytes = readFileSync(fixture('tcpdump_dns_tcp.pcap'));
    const cut = join(dir, 'cut.pcap');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
    const r = await trace(['from-pcap', cut]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.traces[0].source.frames).toHaveLength(10);
    expect(out.errors).toEqual([{ packet: 11, offset: expect.any(Number), message: expect.stringMatching(/ends inside packet 11/) }]);
  }, 60_000);

  it.each([
    ['not a capture', () => join(root, 'package.json'), /^trace: cannot read this capture: not a pcap or pcapng capture/],
    ['a missing file', () => join(dir, 'nope.pcap'), /^trace: cannot read .*nope\.pcap: ENOENT/],
  ])('%s: one line on stderr, exit 2', async (_name, path, message) => {
    const r = await trace(['from-pcap', path()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('to-pcap writes a pcap that from-pcap reads back to the same segments, with the named addresses', async () => {
    const t = generateScenario('client_closes_first', { seed: 5, difficulty: 'expert' });
    const withAddresses = { ...t, endpoints: { A: { ...t.endpoints.A, address: '192.0.2.10:5000' }, B: t.endpoints.B } };
    const input = join(dir, 'trace.json');
    const out = join(dir, 'out.pcap');
    writeFileSync(input, JSON.stringify(withAddresses));
    const w = await trace(['to-pcap', input, '--out', out]);
    expect(w.code).toBe(0);
    const sends = t.events.filter((e) => 'from' in e || 'send' in e);
    expect(JSON.parse(w.stdout)).toEqual({ written: out, packets: sends.length });
    const back = JSON.parse((await trace(['from-pcap', out])).stdout);
    expect(back.traces[0].endpoints.A.address).toBe('192.0.2.10:5000');
    expect(back.traces[0].endpoints.B.address).toBe('10.0.0.2:80');
    expect(back.traces[0].events.filter((e: object) => 'send' in e)).toHaveLength(sends.length);
  }, 60_000);

  it('to-pcap of a bad address is one line on stderr, exit 2', async () => {
    const t = generateScenario('handshake', { seed: 1, difficulty: 'beginner' });
    const input = join(dir, 'bad.json');
    writeFileSync(input, JSON.stringify({ ...t, endpoints: { ...t.endpoints, B: { role: 'server', address: 'example.com:80' } } }));
    const r = await trace(['to-pcap', input, '--out', join(dir, 'x.pcap')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^trace: endpoint B's address "example.com:80" is not "ip:port"/);
  }, 60_000);
});
