/**
 * What a field name the schema does not know most likely stands for. One definition, shared by unknown-field (its
 * did-you-mean) and missing-field (a field that is there but misspelt is not also missing).
 */
import { fold } from '../schema/compile';
import type { FieldSpec } from '../schema/model';
import { closest } from '../suggest';
import type { RuleContext } from './rule';

/** A name to suggest: as the schema spells it (its key or one of its aliases), and the field it names. */
export interface NameGuess {
  name: string;
  spec: FieldSpec;
}

/**
 * The close schema names for `key`, nearest first, one per field, at most three. A name is suggested as the schema
 * spells the nearest of the field's names: `Contry` gets the alias `country`, the spelling a person writes, rather
 * than the export's own `coutnry`.
 */
export function didYouMean(context: Pick<RuleContext, 'schema' | 'index'>, key: string): NameGuess[] {
  const guesses: NameGuess[] = [];
  for (const name of closest(key, context.index.names, 5)) {
    const spec = context.schema.byName.get(name);
    if (spec && !guesses.some((g) => g.spec === spec)) guesses.push({ name, spec });
  }
  return guesses.slice(0, 3);
}

/**
 * The field a key means: the one it names with other capitals or spacing, else the first did-you-mean. Undefined
 * when the key is not close to any field name.
 */
export function intendedField(context: Pick<RuleContext, 'schema' | 'index'>, key: string): FieldSpec | undefined {
  if (key === '') return undefined;
  return context.schema.byFoldedName.get(fold(key)) ?? didYouMean(context, key)[0]?.spec;
}
