// The shape of a learner's response, checked wherever one arrives from outside: an answer sent to
// the server, an attempt or a mistake read back from storage. One schema, so that every place
// accepts exactly the responses the quiz can grade. Pure.
import { z } from 'zod';
import { FLAGS, STATES } from '../engine/index';

const whole = z.number().int().min(0).max(0xffff_ffff);

export const responseSchema = z.union([
  whole,
  z.array(z.enum(FLAGS)).max(FLAGS.length),
  z.enum(STATES),
  z.object({ flags: z.array(z.enum(FLAGS)).max(FLAGS.length), seq: whole, ack: whole, len: whole }).strict(),
  z.object({ option: z.number().int().min(0).max(20) }).strict(),
  z.object({ event: z.number().int().min(0).max(1000) }).strict(),
]);
