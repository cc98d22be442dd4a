// Saved attempts name lesson questions by slug and block id; progress stored in the positional
// form of before is migrated on load, not lost, and migrating twice changes nothing.
import { describe, expect, it } from 'vitest';
import { lessonItemRef, migrateItemRef, migrateProgress, parseLessonItemRef, type Attempt } from '@/lib/quiz';
import { parseQuizProgress } from '@/app/_lib/quiz-progress';

const attempt = (item: string): Attempt => ({ at: 1, item, kind: 'ack', skill: 'ack_of_syn', correct: true, misconception: null });

describe('lesson item refs', () => {
  it('round-trip slug and block id', () => {
    expect(parseLessonItemRef(lessonItemRef('three-way-handshake', 'quiz-ack-e4'))).toEqual({ slug: 'three-way-handshake', blockId: 'quiz-ack-e4' });
    expect(parseLessonItemRef('ack.handshake.42.b')).toBeNull();
  });

  it('migrate the positional refs of either language to the block id; practice specs and unknown positions stay', () => {
    expect(migrateItemRef('lesson:/en/learn/three-way-handshake#quiz-3')).toBe('lesson:/learn/three-way-handshake#quiz-ack-e4');
    expect(migrateItemRef('lesson:/zh/learn/three-way-handshake#quiz-3')).toBe('lesson:/learn/three-way-handshake#quiz-ack-e4');
    expect(migrateItemRef('lesson:/learn/edge-cases#quiz-19')).toBe('lesson:/learn/edge-cases#quiz-ack-e2');
    expect(migrateItemRef('ack.handshake.42.b')).toBe('ack.handshake.42.b');
    expect(migrateItemRef('lesson:/en/learn/three-way-handshake#quiz-99')).toBe('lesson:/en/learn/three-way-handshake#quiz-99');
  });

  it("migrates today's stored progress on load, keeping every attempt, and is idempotent", () => {
    const stored = { version: 1, attempts: [attempt('lesson:/en/learn/tcp-header#quiz-5'), attempt('seq.handshake.7.a')] };
    const loaded = parseQuizProgress(JSON.stringify(stored));
    expect(loaded.attempts.map((a) => a.item)).toEqual(['lesson:/learn/tcp-header#quiz-ack-e11', 'seq.handshake.7.a']);
    expect(loaded.attempts.map((a) => a.correct)).toEqual([true, true]);
    expect(migrateProgress(loaded)).toEqual(loaded);
  });
});
