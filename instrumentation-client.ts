// Runs in the browser before the app's own modules (Next.js's client instrumentation hook).
//
// zod's object schemas probe `new Function('')` once, when the first is made, to see whether they
// may compile a faster parser; the site's CSP forbids eval, so every page that loads zod (practice,
// revision, the sandbox) reported a CSP violation in the console. `jitless` skips the probe. It is
// set through the global that zod reads its configuration from when it loads (zod/v4/core/core.js,
// shared by every copy of zod), so this hook does not pull zod into every page's first load.
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
