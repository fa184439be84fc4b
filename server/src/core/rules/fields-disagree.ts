import * as l10n from '@vscode/l10n';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { listOf, quote, Severity } from '../diagnostic';
import { fieldValue, valueRange, valueSubRange, type Field, type FragmentRecord } from '../parser';
import { fold } from '../schema/compile';
import { localised } from '../l10n';
import type { CompiledRelation, LocalisedText } from '../schema/model';
import { messageMemo, type MessageMemo } from './messages';
import { fieldOf, saysNothing } from './prose';
import type { Rule, RuleContext } from './rule';

/** Codes and choices sit in short values; a longer one is not read (a pattern over a megabyte costs time for nothing). */
const MAX_RELATED_VALUE = 2000;

/**
 * Coherence: the fields of one record tell one story. Checks the relations the schema states (`relations`): two
 * fields that carry the same code, and choices that belong to the value of another field (one of them, when there are
 * several: a record's types of change may span clusters). The prompt sits on the
 * second field of the relation, the one a person most likely fills in last.
 */
export const fieldsDisagree: Rule = {
  code: 'fields-disagree',
  describe: () => l10n.t('Two fields of a record break a relation the schema states (for example two different objective codes).'),
  check(context) {
    const { relations } = context.schema;
    if (relations.length === 0) return;
    const { records } = context.document;
    // Each relation's questions, made once per check for the codes or choices they name.
    const asked = relations.map(() => messageMemo());
    let kept = 0;
    // Records come in document order: past the cap the rest would be cut anyway.
    for (let r = 0; r < records.length && !context.pastCap(records[r].startLine, kept); r++) {
      for (let i = 0; i < relations.length; i++) {
        const relation = relations[i];
        const shown = relation.kind === 'same-code' ? checkSameCode(context, records[r], relation, asked[i]) : checkAllowedValues(context, records[r], relation, asked[i]);
        if (shown) kept++;
      }
    }
  },
};

/** A field's value when it can be compared: present, short, and more than markers. */
function comparable(field: Field | undefined): string | undefined {
  if (!field) return undefined;
  const value = fieldValue(field);
  return value.length > MAX_RELATED_VALUE || saysNothing(value) ? undefined : value;
}

/** The relation's own description, in the person's language, after the question. */
function described(description: LocalisedText): string {
  const text = localised(description);
  return text ? ` ${text}` : '';
}

/**
 * Values and choices folded, remembered: they come from the schema's short lists, so the same few are folded over
 * and over (a choice missing from a relation's list is looked up folded in every record that has it). Emptied when
 * it grows past a bound, so text that is not from a list cannot grow it without end.
 */
const foldedForms = new Map<string, string>();
const MAX_FOLDED_FORMS = 2000;

function folded(value: string): string {
  if (value.length > 100) return fold(value);
  let form = foldedForms.get(value);
  if (form === undefined) {
    if (foldedForms.size >= MAX_FOLDED_FORMS) foldedForms.clear();
    form = fold(value);
    foldedForms.set(value, form);
  }
  return form;
}

/** Whether a set of forms as written and folded holds a value, as written or folded. */
function has(set: ReadonlySet<string>, value: string): boolean {
  return set.has(value) || set.has(folded(value));
}

/** The other field of the relation, as related information; its message is only written when there is a location. */
function related(context: RuleContext, field: Field, message: () => string): DiagnosticRelatedInformation[] | undefined {
  return context.uri ? [{ location: { uri: context.uri, range: valueRange(field) }, message: message() }] : undefined;
}

function checkSameCode(context: RuleContext, record: FragmentRecord, relation: Extract<CompiledRelation, { kind: 'same-code' }>, asked: MessageMemo): boolean {
  const [first, second] = relation.sides;
  const firstField = fieldOf(context, record, first.spec);
  const secondField = fieldOf(context, record, second.spec);
  const firstValue = comparable(firstField);
  const secondValue = comparable(secondField);
  if (firstValue === undefined || secondValue === undefined) return false;
  const firstCode = first.pattern.captured(firstValue);
  const secondCode = second.pattern.captured(secondValue);
  // A value its pattern does not match (a redacted code, another format) is not compared.
  if (!firstCode || !secondCode || firstCode === secondCode) return false;
  const at = secondValue.indexOf(secondCode);
  return context.report({
    code: 'fields-disagree',
    severity: Severity.Information,
    message: asked(`${secondCode}\n${firstCode}`, () => l10n.t('The code here ({0}) is not the one in {1} ({2}). Which one is right?', secondCode, first.spec.key, firstCode) + described(relation.description)),
    range: at >= 0 ? valueSubRange(secondField!, at, at + secondCode.length) : valueRange(secondField!),
    data: { fix: 'none' },
    relatedInformation: related(context, firstField!, () => l10n.t('{0} has the code {1}.', first.spec.key, firstCode)),
    spec: second.spec,
  });
}

function checkAllowedValues(context: RuleContext, record: FragmentRecord, relation: Extract<CompiledRelation, { kind: 'allowed-values' }>, asked: MessageMemo): boolean {
  const dependField = fieldOf(context, record, relation.dependOn);
  const dependValue = comparable(dependField);
  if (dependValue === undefined) return false;
  const allowed = relation.allowed.get(dependValue) ?? relation.allowed.get(folded(dependValue));
  if (!allowed) return false; // a value the relation does not list: nothing to compare with
  const field = fieldOf(context, record, relation.field);
  const value = comparable(field);
  if (value === undefined) return false;
  const spec = relation.field;
  const separator = spec.kind === 'multi' ? spec.separator : undefined;
  const parts = separator ? value.split(separator) : [value];
  // Several choices may span clusters: the relation holds when one of them is listed with the value (the usual case,
  // decided before anything is made for a message; every choice listed with a value is among the listed ones).
  if (parts.some((part) => has(allowed, part.trim()))) return false;
  // The choices the relation lists, with their places; a choice it does not list is not judged.
  const listed: { choice: string; start: number }[] = [];
  let offset = 0;
  for (const part of parts) {
    const choice = part.trim();
    if (has(relation.listed, choice)) listed.push({ choice, start: offset + part.indexOf(choice) });
    offset += part.length + (separator?.length ?? 0);
  }
  if (listed.length === 0) return false;
  const first = listed[0];
  const last = listed[listed.length - 1];
  const dependKey = relation.dependOn.key;
  const question = asked(`${dependValue}\n${listed.map(({ choice }) => choice).join('\n')}`, () =>
    listed.length === 1
      ? l10n.t('{0} is not listed with {1} in {2}. Does the choice fit, or is {2} wrong?', quote(first.choice), quote(dependValue), dependKey)
      : l10n.t('None of {0} is listed with {1} in {2}. Does the choice fit, or is {2} wrong?', listOf(listed.map(({ choice }) => quote(choice)), 'and'), quote(dependValue), dependKey),
  );
  return context.report({
    code: 'fields-disagree',
    severity: Severity.Information,
    message: question + described(relation.description),
    range: valueSubRange(field!, first.start, last.start + last.choice.length),
    data: { fix: 'none' },
    relatedInformation: related(context, dependField!, () => l10n.t('{0} is {1}.', dependKey, quote(dependValue))),
    spec,
  });
}
