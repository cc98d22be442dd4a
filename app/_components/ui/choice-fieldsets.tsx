import type { ReactNode } from 'react';

const BOX = 'rounded-lg border border-border bg-surface p-4';
const OPTION = 'flex min-h-10 items-center gap-2';

/** A boxed group of checkboxes, in two columns from the sm breakpoint: pick any of `options`. */
export function CheckFieldset<T extends string>({
  legend,
  options,
  chosen,
  onChange,
  label,
}: {
  legend: ReactNode;
  options: readonly T[];
  chosen: readonly T[];
  onChange: (change: (chosen: T[]) => T[]) => void;
  label: (option: T) => ReactNode;
}) {
  return (
    <fieldset className={BOX}>
      <legend className="px-1 font-semibold">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option} className={OPTION}>
            <input
              type="checkbox"
              className="size-4"
              checked={chosen.includes(option)}
              onChange={(e) => onChange((all) => (e.target.checked ? [...all, option] : all.filter((x) => x !== option)))}
            />
            {label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A boxed group of radio buttons named `name`: pick one of `options`. */
export function RadioFieldset<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  label,
}: {
  legend: ReactNode;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => ReactNode;
}) {
  return (
    <fieldset className={BOX}>
      <legend className="px-1 font-semibold">{legend}</legend>
      <div className="space-y-1">
        {options.map((option) => (
          <label key={option} className={OPTION}>
            <input type="radio" name={name} className="size-4" checked={value === option} onChange={() => onChange(option)} />
            {label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
