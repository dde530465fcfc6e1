/**
 * The one import of decimal.js. Its typings are CommonJS, so under NodeNext
 * TypeScript types the default import as the whole module, while Node's ESM
 * entry (decimal.mjs) gives the class itself; this cast says what Node does.
 * Only private clones (`Decimal.clone({ precision })`) are ever used, never the
 * global configuration.
 */
import decimalModule from 'decimal.js';

export type DecimalConstructor = typeof decimalModule.Decimal;
export type Decimal = InstanceType<DecimalConstructor>;
export const Decimal = decimalModule as unknown as DecimalConstructor;
