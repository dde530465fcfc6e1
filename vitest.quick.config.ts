/**
 * `npm run test:unit`: the configuration of vitest.config.ts with quick
 * property tests (each runs a fifth of its cases, test/helpers/runs.ts).
 */
import { mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(base, { test: { provide: { quickProperties: true } } });
