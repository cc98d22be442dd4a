'use client';

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-fg hover:opacity-90 print:hidden">
      {label}
    </button>
  );
}
