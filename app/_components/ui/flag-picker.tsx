'use client';

import { FLAGS, type Flag } from '@/lib/engine/types';

type GroupName = { 'aria-labelledby': string } | { 'aria-label': string };

/**
 * A segment's flags as toggle buttons (aria-pressed), kept in the order they were pressed.
 * `compact` fits a narrow column (the sandbox's endpoint panels).
 */
export function FlagPicker({ flags, onChange, compact = false, ...name }: { flags: readonly Flag[]; onChange: (flags: Flag[]) => void; compact?: boolean } & GroupName) {
  const size = compact ? 'min-h-10 min-w-14 px-2 text-sm' : 'min-h-11 min-w-16 px-3';
  return (
    <div role="group" {...name} className={`flex flex-wrap ${compact ? 'gap-1.5' : 'gap-2'}`}>
      {FLAGS.map((flag) => {
        const on = flags.includes(flag);
        return (
          <button
            key={flag}
            type="button"
            aria-pressed={on}
            onClick={() => onChange(on ? flags.filter((f) => f !== flag) : [...flags, flag])}
            className={`${size} rounded-md border border-border font-mono font-semibold aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg disabled:opacity-60`}
          >
            {flag}
          </button>
        );
      })}
    </div>
  );
}
