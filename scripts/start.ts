import { requireNode } from './node-check.ts';
import { ensureWebBuilt } from './web-build.ts';

requireNode();
ensureWebBuilt();
const { loadConfig } = await import('../apps/server/src/platform/config.ts');
const { serve } = await import('../apps/server/src/cli/serve.ts');
await serve(loadConfig());
