// The loader itself, on small content trees written to a temp dir: what it accepts, and that
// every rejection names the file and line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, learningPath, lessonNeighbours, loadGlossary, loadLesson } from '@/lib/content';
import { renderLessonMarkdown, tocHtml } from '@/lib/content/markdown';
import { lessonItemRef } from '@/lib/quiz';

const FRONT = `---
title: Test
summary: A test lesson
order: 1
objectives:
  - Learn
prerequisites: []
---
`;

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synack-content-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const handshake = {
  endpoints: { A: { role: 'client' }, B: { role: 'server' } },
  events: [
    { from: 'A', flags: ['SYN'], seq: 1000, ack: 0, len: 0 },
    { from: 'B', flags: ['SYN', 'ACK'], seq: 5000, ack: 1001, len: 0 },
    { from: 'A', flags: ['ACK'], seq: 1001, ack: 5001, len: 0 },
  ],
};

function lessonError(body: string): ContentError {
  const root = tree({ 'lessons/en/x.md': FRONT + body });
  try {
    loadLesson('en', 'x', root);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected the lesson to be rejected');
}

describe('renderLessonMarkdown', () => {
  it('sanitizes HTML, gives headings ids and collects ## and ### for the TOC', () => {
    const { parts, headings } = renderLessonMarkdown(
      '# Title\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n## Why three?\n\n### 三次握手\n\n#### Deep\n',
      { file: 'x.md' },
    );
    const html = parts.map((part) => (part.type === 'html' ? part.html : '')).join('');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror');
    expect(html).toContain('<h2 id="lesson-why-three">');
    expect(headings).toEqual([
      { depth: 2, id: 'lesson-why-three', text: 'Why three?' },
      { depth: 3, id: 'lesson-三次握手', text: '三次握手' },
    ]);
  });

  it('marks a table\'s formula cells to stay on one line, not its other cells; the table takes the focus to scroll', () => {
    const prose = 'the client knows both ISNs are acknowledged once the SYN,ACK arrives';
    const { parts } = renderLessonMarkdown(`| step | dir | ack | flags | why |\n| --- | --- | --- | --- | --- |\n| 2 | C → S | x+1 = 1001 | PSH, ACK, 100 bytes | ${prose} |\n`, { file: 'x.md' });
    const html = parts.map((part) => (part.type === 'html' ? part.html : '')).join('');
    expect(html).toContain('<td class="cell-whole">x+1 = 1001</td>');
    expect(html).toContain('<td class="cell-whole">C → S</td>');
    expect(html).toContain('<td>PSH, ACK, 100 bytes</td>');
    expect(html).toContain('<th>step</th>');
    expect(html).toContain(`<td>${prose}</td>`);
    expect(html).toContain('<table tabindex="0">');
  });

  it('makes the table of contents from the headings: escaped text, the ids as links, the depth as data', () => {
    const { headings } = renderLessonMarkdown('## seq < ack & "fin"\n\n### 三次握手\n', { file: 'x.md' });
    expect(tocHtml(headings)).toBe(
      '<li data-depth="2"><a href="#lesson-seq--ack--fin">seq &#x3C; ack &#x26; "fin"</a></li>' +
        '<li data-depth="3"><a href="#lesson-三次握手">三次握手</a></li>',
    );
  });

  it('splits the document around widget blocks, in order', () => {
    const source = [
      'Intro',
      '',
      '```trace id=b1',
      '{"scenario": "handshake", "seed": 1, "caption": "Hi", "views": ["sequence"]}',
      '```',
      '',
      'Middle with `code`',
      '',
      '```quiz id=b2',
      '{"scenario": "handshake", "event": 2, "field": "ack", "side": "B"}',
      '```',
      '',
      '```json',
      '{"plain": "code"}',
      '```',
    ].join('\n');
    const { parts } = renderLessonMarkdown(source, { file: 'x.md', lineOffset: 7 });
    expect(parts.map((part) => part.type)).toEqual(['html', 'trace', 'html', 'quiz', 'html']);
    expect(parts[1]).toMatchObject({ type: 'trace', line: 10, block: { scenario: 'handshake', views: ['sequence'] } });
    expect(parts[3]).toMatchObject({ type: 'quiz', line: 16, block: { field: 'ack', side: 'B' } });
  });
});

describe('loadLesson', () => {
  it('steps a widget through the wire events only: its checkpoints are checked, not shown', () => {
    const withCheckpoints = {
      ...handshake,
      events: [handshake.events[0], { expect: { A: 'SYN_SENT', B: 'SYN_RECEIVED' } }, ...handshake.events.slice(1), { expect: { A: 'ESTABLISHED', B: 'ESTABLISHED' } }],
    };
    const body = ['```trace id=c1', JSON.stringify({ caption: 'Checked', trace: withCheckpoints }), '```'].join('\n');
    const lesson = loadLesson('en', 'x', tree({ 'lessons/en/x.md': FRONT + body }))!;
    const view = lesson.parts.flatMap((part) => (part.type === 'trace' ? [part.view] : []))[0]!;
    expect(view.events.map((e) => e.kind)).toEqual(['segment', 'segment', 'segment']);
    expect(view.narration).toHaveLength(3);
    expect(view.narration.join(' ')).not.toMatch(/Checkpoint/);

    const wrong = { ...withCheckpoints, events: [handshake.events[0], { expect: { A: 'ESTABLISHED' } }] };
    const error = lessonError(['```trace id=c2', JSON.stringify({ caption: 'Wrong', trace: wrong }), '```'].join('\n'));
    expect(error.message).toMatch(/checkpoint at event 1 fails/);
  });

  it('replays an inline trace and a generated scenario on the server', () => {
    const body = [
      '## Inline',
      '```trace id=b3',
      JSON.stringify({ caption: 'Inline', trace: handshake }),
      '```',
      '```trace id=b4',
      JSON.stringify({ caption: 'Generated', scenario: 'handshake', seed: 3 }),
      '```',
      '```quiz id=b5',
      JSON.stringify({ trace: handshake, event: 1, field: 'ack' }),
      '```',
    ].join('\n');
    const root = tree({ 'lessons/en/x.md': FRONT + body });
    const lesson = loadLesson('en', 'x', root)!;
    const traces = lesson.parts.flatMap((part) => (part.type === 'trace' ? [part.view] : []));
    expect(traces).toHaveLength(2);
    expect(traces[0]).toMatchObject({ valid: true, initial: { A: 'CLOSED', B: 'LISTEN' }, views: ['sequence', 'state', 'table'] });
    expect(traces[0]!.steps.at(-1)!.states).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
    expect(traces[0]!.narration).toHaveLength(3);
    expect(traces[0]!.events[0]).toMatchObject({ kind: 'segment' });
    expect(lesson.parts.find((part) => part.type === 'quiz')).toMatchObject({ quiz: { event: 1, field: 'ack', side: null } });
    // Plain JSON all the way: it is passed to client components as props.
    expect(JSON.parse(JSON.stringify(lesson))).toEqual(lesson);
  });

  it('names widgets by the id on their fence: a paragraph with a trace added before them re-points no saved answer', () => {
    const quiz = (event: number) => ['```quiz id=ack-of-syn', JSON.stringify({ trace: handshake, event, field: 'ack' }), '```'];
    const before = ['Intro', '', ...quiz(1), '', '```quiz id=last-ack', JSON.stringify({ trace: handshake, event: 2, field: 'seq' }), '```'];
    const after = ['Intro', '', 'A new paragraph, then a new trace.', '', '```trace id=added', JSON.stringify({ caption: 'New', trace: handshake }), '```', '', ...before.slice(2)];
    const saved = (body: string[]) => {
      const lesson = loadLesson('en', 'x', tree({ 'lessons/en/x.md': FRONT + body.join('\n') }))!;
      return new Map(lesson.parts.flatMap((part) => (part.type === 'quiz' ? [[lessonItemRef('x', part.id), part.quiz]] : [])));
    };
    const old = saved(before);
    const edited = saved(after);
    expect([...old.keys()]).toEqual([lessonItemRef('x', 'ack-of-syn'), lessonItemRef('x', 'last-ack')]);
    for (const [ref, question] of old) expect(edited.get(ref), ref).toEqual(question);
  });

  it('rejects a widget without an id, with a malformed id, or with an id used twice', () => {
    expect(lessonError('```trace\n{"scenario": "handshake", "caption": "c"}\n```\n').message).toMatch(/x\.md:9: ```trace blocks need a stable id/);
    expect(lessonError('```trace id=Bad_Id\n{"scenario": "handshake", "caption": "c"}\n```\n').message).toMatch(/must be lower-case words/);
    const twice = '```trace id=t\n{"scenario": "handshake", "caption": "c"}\n```\n\n```trace id=t\n{"scenario": "handshake", "caption": "d"}\n```\n';
    expect(lessonError(twice).message).toMatch(/block id "t" is used twice/);
  });

  it('returns null for a missing lesson or a slug that is not one', () => {
    const root = tree({ 'lessons/en/x.md': FRONT });
    expect(loadLesson('en', 'nope', root)).toBeNull();
    expect(loadLesson('en', '../x', root)).toBeNull();
  });

  it('rejects front matter that misses a field, naming the file', () => {
    const root = tree({ 'lessons/en/x.md': '---\ntitle: T\norder: 1\n---\nbody\n' });
    expect(() => loadLesson('en', 'x', root)).toThrow(/lessons\/en\/x\.md:1: invalid front matter: summary/);
  });

  it('rejects a lesson without front matter', () => {
    const root = tree({ 'lessons/en/x.md': 'just text\n' });
    expect(() => loadLesson('en', 'x', root)).toThrow(/missing YAML front matter/);
  });

  it('rejects invalid JSON in a block, naming the file and the line', () => {
    // Front matter is 8 lines; the fence opens on line 10; after the trailing comma on line 12
    // the parser trips over the `}` on line 13.
    const error = lessonError('\n```trace id=b6\n{"caption": "x",\n  "scenario": "handshake",\n}\n```\n');
    expect(error.message).toMatch(/lessons\/en\/x\.md:13: invalid JSON in ```trace block/);
  });

  it('rejects an unknown block type, naming the line', () => {
    expect(lessonError('Text\n\n```tracee\n{}\n```\n').message).toMatch(/x\.md:11: unknown block type ```tracee/);
  });

  it('rejects a block with a wrong or missing field', () => {
    expect(lessonError('```trace id=b7\n{"scenario": "handshake"}\n```\n').message).toMatch(/x\.md:9: invalid ```trace block: caption/);
    expect(lessonError('```quiz id=b8\n{"scenario": "handshake", "event": 1, "field": "window"}\n```\n').message).toMatch(
      /invalid ```quiz block: field/,
    );
    expect(lessonError('```trace id=b9\n{"scenario": "handshake", "caption": "c", "speed": 2}\n```\n').message).toMatch(/speed/);
  });

  it('rejects an unknown scenario and a malformed inline trace', () => {
    expect(lessonError('```trace id=b10\n{"scenario": "nope", "caption": "c"}\n```\n').message).toMatch(/unknown scenario "nope"/);
    const broken = { ...handshake, events: [{ from: 'C', flags: ['SYN'], seq: 1, ack: 0, len: 0 }] };
    expect(lessonError('```trace id=b11\n' + JSON.stringify({ caption: 'c', trace: broken }) + '\n```\n').message).toMatch(
      /x\.md:9: invalid inline trace: .*events/,
    );
  });

  it('rejects a quiz about an event the trace does not have', () => {
    expect(lessonError('```quiz id=b12\n' + JSON.stringify({ trace: handshake, event: 3, field: 'seq' }) + '\n```\n').message).toMatch(
      /quiz event 3 is out of range/,
    );
  });

  it('rejects widget blocks nested in a list', () => {
    expect(lessonError('- item\n\n  ```trace id=b13\n  {"scenario": "handshake", "caption": "c"}\n  ```\n').message).toMatch(
      /top level/,
    );
  });
});

describe('nav and glossary', () => {
  const nav = {
    sections: [
      { id: 'one', title: { en: 'One', zh: '一' }, lessons: ['a', 'b'] },
      { id: 'two', title: { en: 'Two', zh: '二' }, lessons: ['c'] },
    ],
  };
  const lesson = (title: string) => FRONT.replace('title: Test', `title: ${title}`);

  it('orders lessons by nav.json and links neighbours across sections', () => {
    const root = tree({
      'nav.json': JSON.stringify(nav),
      'lessons/en/a.md': lesson('A'),
      'lessons/en/b.md': lesson('B'),
      'lessons/en/c.md': lesson('C'),
    });
    expect(learningPath('en', root).map((s) => [s.title, s.lessons.map((l) => l.title)])).toEqual([
      ['One', ['A', 'B']],
      ['Two', ['C']],
    ]);
    expect(lessonNeighbours('en', 'b', root)).toEqual({
      previous: { slug: 'a', title: 'A' },
      next: { slug: 'c', title: 'C' },
      section: 'One',
    });
    expect(lessonNeighbours('en', 'a', root).previous).toBeNull();
  });

  it('rejects a malformed nav.json', () => {
    const root = tree({ 'nav.json': JSON.stringify({ sections: [{ id: 'x', title: { en: 'X' }, lessons: [] }] }) });
    expect(() => learningPath('en', root)).toThrow(/nav\.json: sections\.0\.title\.zh/);
  });

  it('renders glossary definitions as sanitized markdown and rejects duplicate ids', () => {
    const root = tree({
      'glossary/en.json': JSON.stringify([{ id: 'syn', term: 'SYN', definition: 'The **synchronize** flag <script>x</script>' }]),
    });
    expect(loadGlossary('en', root)).toEqual([
      { id: 'syn', term: 'SYN', html: '<p>The <strong>synchronize</strong> flag x</p>', lessons: [] },
    ]);
    const linked = tree({
      'glossary/en.json': JSON.stringify([{ id: 'fin', term: 'FIN', definition: 'x', lessons: ['four-way-teardown'] }]),
    });
    expect(loadGlossary('en', linked)[0]?.lessons).toEqual(['four-way-teardown']);
    const badSlug = tree({
      'glossary/en.json': JSON.stringify([{ id: 'fin', term: 'FIN', definition: 'x', lessons: ['../etc'] }]),
    });
    expect(() => loadGlossary('en', badSlug)).toThrow(/lessons/);
    const dup = tree({
      'glossary/en.json': JSON.stringify([
        { id: 'syn', term: 'SYN', definition: 'a' },
        { id: 'syn', term: 'SYN2', definition: 'b' },
      ]),
    });
    expect(() => loadGlossary('en', dup)).toThrow(/duplicate glossary id "syn"/);
  });
});
