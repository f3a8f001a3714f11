/**
 * The one zod import for code that ships. It is zod/mini: about 19 KB of a Lambda bundle, where classic zod costs
 * about 90 KB whenever any file of the bundle imports it. Mini loads no messages of its own ("Invalid input" for
 * everything), so this module sets classic zod's English ones: they are part of the API's documented error body and
 * of the config loader's cold-start errors. `import * as z from '…/validation/zod'` is what guarantees they are set first.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
