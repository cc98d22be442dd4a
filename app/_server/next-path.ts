// Where to go after signing in: only a path on this site, never another origin (an open redirect).
export function safeNext(value: string | string[] | undefined, fallback = '/classes'): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && /^\/(?![/\\])[\w\-/.?=&%~]*$/.test(v) && v.length <= 300 ? v : fallback;
}
