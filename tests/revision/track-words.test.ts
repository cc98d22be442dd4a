// Every exam-track question has its words in both languages, with every number it quotes filled
// in, and the Chinese prompts carry both names of the handshake and teardown (三报文握手 / 三次握手,
// 四报文挥手 / 四次挥手) as Chinese textbooks and the 408 paper use them.
import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { buildTrackItem, trackPromptKey, TRACK_STYLES } from '@/lib/revision';

const messages = (locale: 'en' | 'zh') => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../content/ui', `${locale}.json`), 'utf8'));

describe('exam-track wording', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: every style and step has a prompt with every placeholder filled`, () => {
      const t = createTranslator({ locale, messages: messages(locale), namespace: 'revise.track' });
      const seen = new Set<string>();
      for (const style of TRACK_STYLES) {
        for (let seed = 0; seed < 30; seed++) {
          const item = buildTrackItem({ style, seed, difficulty: seed % 2 ? 'expert' : 'beginner' });
          const key = trackPromptKey(item);
          seen.add(key);
          // Sides are named as the page names them (the client (A)).
          const sides = Object.fromEntries(
            (['closer', 'side', 'peer'] as const).flatMap((k) => (item.params[k] === 'A' || item.params[k] === 'B' ? [[k, t(`side.${item.params[k] as 'A'}`)]] : [])),
          );
          const list = item.segments.map((s) => t('segment', s)).join(t('listSeparator'));
          const text = t(`prompts.${key}` as 'prompts.time_wait', { ...item.params, ...sides, list });
          expect(text, key).not.toMatch(/[{}]|prompts\./);
          for (const n of Object.values(item.params)) if (typeof n === 'number') expect(text, key).toContain(String(n));
          // A side's letter is set apart from the Chinese after it, as everywhere else (客户端 A 先关闭).
          if (locale === 'zh') expect(text, key).not.toMatch(/\b[AB][\u4e00-\u9fff]/);
          if (locale === 'zh' && /握手/.test(text)) expect(text).toMatch(/三报文握手[\s\S]*三次握手|三次握手[\s\S]*三报文握手/);
          if (locale === 'zh' && /挥手/.test(text)) expect(text).toMatch(/四报文挥手[\s\S]*四次挥手|四次挥手[\s\S]*四报文挥手/);
        }
        expect(t(`styleNames.${style}`)).not.toMatch(/styleNames/);
      }
      expect([...seen].sort()).toEqual([
        'bytes_resent',
        'bytes_sent',
        'bytes_span',
        'cumulative_ack',
        'handshake_segment.second',
        'handshake_segment.third',
        'lost_segment.after',
        'lost_segment.dup_ack',
        'lost_segment.retransmit',
        'time_wait',
        'wave_states',
      ]);
    });
  }
});
