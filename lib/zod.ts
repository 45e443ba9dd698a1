import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// The zod every schema the browser loads is written in (`import * as z from '@/lib/zod'`): zod/mini
// (functions instead of methods, so a page bundles only the checks it uses; full zod cost every form
// page 27 KB gzipped), with the English messages full zod configures on import, so an unset message
// reads the same in the form and in the action. Server-only code may keep full `zod`; both share
// zod's core, so either parses the other's schemas. Written with mini, a schema stays one definition
// for the form and the action. Re-exported name by name (not as one `z` object), so bundlers can
// still drop what no page uses.
config(en());

export * from 'zod/mini';
