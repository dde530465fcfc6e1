/**
 * The one import of decimal.js. Its typings are CommonJS, so under NodeNext
 * TypeScript types the default import as the whole module, while Node's ESM
 * entry (decimal.mjs) gives the class itself; this cast says what Node does.
 * Only private clones (`decimalClone({ precision })`) are ever used, never the
 * global configuration.
 */
import decimalModule from 'decimal.js';

export type DecimalConstructor = typeof decimalModule.Decimal;
export type Decimal = InstanceType<DecimalConstructor>;
export const Decimal = decimalModule as unknown as DecimalConstructor;

export type DecimalSettings = Parameters<DecimalConstructor['clone']>[0];

const CLONES = new Map<string, DecimalConstructor>();

/**
 * The private clone with these settings, one per distinct settings and
 * shared: no one configures a clone after making it. A new constructor for
 * each DecimalField (dozens per derivation) gave every decimal.js call site objects
 * of dozens of hidden classes, and V8 then optimizes none of them.
 */
export function decimalClone(settings: NonNullable<DecimalSettings>): DecimalConstructor {
  const key = JSON.stringify(settings);
  let D = CLONES.get(key);
  if (!D) {
    D = Decimal.clone(settings);
    CLONES.set(key, D);
  }
  return D;
}
