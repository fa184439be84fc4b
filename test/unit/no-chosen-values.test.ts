/**
 * Nothing the extension inserts chooses a value for the person. A snippet choice `${1|low,medium,high|}` starts on
 * its first value, so a person who presses Escape or Tab gets `low` written for them; every template, field
 * insertion and quick fix must leave a value the person has not given empty, to be reported as empty by the rules.
 *
 * Each test expands the inserted snippet the way VS Code does when the person only presses Tab (a choice becomes
 * its first value, a placeholder its default text, a variable its value) and reads back the values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { getDefaultSchema, parseWithSchema, validate, type FieldSpec, type Schema } from '../../server/src/core';
import { complete } from '../../server/src/core/features/completion';
import { quickFixes } from '../../server/src/core/features/quick-fixes';
import { applyEdits } from '../../server/src/core/features/shared';
import { loadSchemaText } from '../../server/src/core/schema/load';
import { templatesOf, templateText } from '../../server/src/core/schema/templates';
import { fieldValue } from '../../server/src/core/parser';
import { NOW, seed, VALID_RECORD } from '../support/fixtures';

const URI = 'file:///inserted.fragment';
const defaultSchema = getDefaultSchema();
const teamSchema = (() => {
  const { schema } = loadSchemaText(
    JSON.stringify({
      extends: 'default',
      fields: [{ key: 'Partner', presence: 'required', kind: 'closed', values: ['Partner A', 'Partner B'] }],
      templates: [{ name: 'Partner report', values: { Scale: 'Local' } }],
    }),
  );
  assert.ok(schema);
  return schema;
})();

/** What a snippet leaves in the document when the person presses only Tab: VS Code's defaults for each stop. */
function asInserted(snippet: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    // The default text of `${n:…}`, which may nest further stops.
    let depth = 0;
    let body = '';
    for (; i < snippet.length; i++) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length) {
        body += c + snippet[++i];
        continue;
      }
      if (c === '$' && snippet[i + 1] === '{') depth++;
      if (c === '}') {
        if (depth === 0) {
          i++;
          return body;
        }
        depth--;
      }
      body += c;
    }
    throw new Error(`unclosed placeholder in ${snippet}`);
  };
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === '\\' && /[$}\\,|]/.test(snippet[i + 1] ?? '')) {
      out += snippet[i + 1];
      i += 2;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/\d/.test(snippet[i] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      i += 2;
      const head = /^(\d+|[A-Z_]+)([:|}])/.exec(snippet.slice(i));
      assert.ok(head, `unexpected snippet syntax at ${snippet.slice(i - 2, i + 20)}`);
      i += head[0].length;
      if (head[2] === '}') out += /^\d/.test(head[1]) ? '' : variable(head[1]);
      else if (head[2] === ':') out += asInserted(readUntilClose());
      else {
        const end = snippet.indexOf('|}', i);
        out += snippet.slice(i, end).split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
        i = end + 2;
      }
    } else if (c === '$' && /[A-Z_]/.test(snippet[i + 1] ?? '')) {
      const name = /^[A-Z_]+/.exec(snippet.slice(i + 1))![0];
      out += variable(name);
      i += name.length + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function variable(name: string): string {
  return name === 'CURRENT_YEAR' ? String(NOW.getFullYear()) : `<${name}>`;
}

/** The values that are not empty in `text`, by key, except those named in `given`. */
function chosenValues(text: string, schema: Schema, given: Record<string, string> = {}): string[] {
  const document = parseWithSchema(text, schema);
  return document.fields
    .filter((field) => fieldValue(field).trim() !== '' && given[field.key] === undefined)
    .map((field) => `${field.key}: ${fieldValue(field)}`);
}

const listed = (schema: Schema): FieldSpec[] => schema.fields.filter((f) => f.kind === 'closed' || f.kind === 'flag');

function templateCompletions(schema: Schema, snippets: boolean): CompletionItem[] {
  return complete(parseWithSchema('', schema), schema, { line: 0, character: 0 }, { snippets, now: NOW }).filter((i) => i.label.startsWith('Fragment: '));
}

describe('nothing inserted chooses a value the person did not choose', () => {
  for (const [name, schema] of [
    ['the built-in schema', defaultSchema],
    ['a team schema with its own closed list and template', teamSchema],
  ] as const) {
    it(`template completion leaves every value the template does not give empty (${name})`, () => {
      const items = templateCompletions(schema, true);
      assert.equal(items.length, templatesOf(schema).length);
      for (const [index, template] of templatesOf(schema).entries()) {
        const item = items[index];
        assert.equal(item.label, `Fragment: ${template.name}`);
        const text = asInserted((item.textEdit as TextEdit).newText);
        assert.deepEqual(chosenValues(text, schema, template.values), [], `${item.label} writes values`);
        for (const [key, value] of Object.entries(template.values ?? {})) assert.ok(text.includes(`**${key}**: ${value}\n`), `${key} of ${template.name}`);
        // Every listed field is still there, empty, so the rules report it as the person's to fill in.
        for (const spec of listed(schema)) if (template.values?.[spec.key] === undefined) assert.ok(text.includes(`**${spec.key}**: \n`), spec.key);
      }
    });

    it(`the template text for New Fragment leaves those values empty too, as snippet and as text (${name})`, () => {
      for (const template of templatesOf(schema)) {
        assert.deepEqual(chosenValues(asInserted(templateText(schema, template, { snippet: true })), schema, template.values), [], template.name);
        assert.deepEqual(chosenValues(templateText(schema, template), schema, template.values), [], template.name);
      }
    });
  }

  it('a template has one tab stop per field, in schema order, the given values as placeholders to type over', () => {
    const substantiated = templatesOf(defaultSchema).find((t) => t.name === 'Substantiated outcome')!;
    const lines = templateText(defaultSchema, substantiated, { snippet: true }).split('\n');
    assert.equal(lines.length, defaultSchema.fields.length + 1);
    lines.slice(0, -1).forEach((line, index) => assert.match(line, new RegExp(`^\\*\\*[^*]+\\*\\*: \\$\\{${index + 1}(:[^}]+)?\\}$`), line));
    assert.equal(lines[1], '**Outcome status**: ${2:Outcome}');
    assert.equal(lines[lines.length - 1], '$0');
  });

  it('the empty record from completion is reported as empty by the rules, not as filled in', () => {
    const [empty] = templateCompletions(defaultSchema, true).filter((i) => i.label === 'Fragment: Empty fragment');
    const text = asInserted((empty.textEdit as TextEdit).newText);
    const diagnostics = validate(text, { now: NOW, uri: URI });
    for (const spec of listed(defaultSchema).filter((s) => s.presence === 'required')) {
      assert.ok(
        diagnostics.some((d) => d.code === 'empty-value' && d.message.includes(`"${spec.key}"`)),
        `no empty-value for ${spec.key}: ${diagnostics.map((d) => d.message).join('\n')}`,
      );
    }
  });

  it('a key from completion comes with an empty value, for every listed field', () => {
    for (const snippets of [true, false]) {
      const items = complete(parseWithSchema('**FragmentID**: SCC-<redacted>/PHR012\n', defaultSchema), defaultSchema, { line: 1, character: 0 }, { snippets, now: NOW });
      for (const spec of listed(defaultSchema)) {
        const item = items.find((i) => i.label === spec.key);
        assert.ok(item, `no key item for ${spec.key}`);
        const edit = item.textEdit as TextEdit;
        const inserted = item.insertTextFormat === 2 ? asInserted(edit.newText) : edit.newText;
        assert.equal(inserted, `**${spec.key}**: `, `${spec.key} (snippets ${snippets})`);
      }
    }
  });

  it('a key item opens the value list next, only for a client that says it can run that command', () => {
    const document = parseWithSchema('**FragmentID**: SCC-<redacted>/PHR012\n', defaultSchema);
    const withCommand = complete(document, defaultSchema, { line: 1, character: 0 }, { snippets: true, suggestCommand: true, now: NOW });
    assert.equal(withCommand.find((i) => i.label === 'Scale')?.command?.command, 'editor.action.triggerSuggest');
    assert.equal(withCommand.find((i) => i.label === 'Year')?.command?.command, 'editor.action.triggerSuggest');
    assert.equal(withCommand.find((i) => i.label === 'Outcome description')?.command, undefined, 'free text has no list to open');
    const without = complete(document, defaultSchema, { line: 1, character: 0 }, { snippets: true, now: NOW });
    assert.ok(without.every((i) => i.command === undefined));
  });

  it('"Add the missing field" and "Add all missing fields" insert empty values, as snippet edits and as text', () => {
    const text = VALID_RECORD.split('\n')
      .filter((line) => !listed(defaultSchema).some((spec) => line.startsWith(`**${spec.key}**`)))
      .join('\n');
    const diagnostics = validate(text, { now: NOW, uri: URI });
    const missing = diagnostics.filter((d) => d.code === 'missing-field');
    assert.ok(missing.length >= 1, missing.map((d) => d.message).join('\n')); // one problem per record lists them
    for (const snippetEdits of [true, false]) {
      const actions = quickFixes({ document: parseWithSchema(text, defaultSchema), schema: defaultSchema, uri: URI, snippetEdits }, missing, diagnostics);
      const addAll = actions.find((a) => /^Add (all|the) \d+ missing (required )?fields$/.test(a.title));
      assert.ok(addAll, actions.map((a) => a.title).join('\n'));
      for (const action of actions) {
        const result = applyAction(text, action);
        const before = new Set(chosenValues(text, defaultSchema));
        const added = chosenValues(result, defaultSchema).filter((v) => !before.has(v));
        assert.deepEqual(added, [], `${action.title} (snippet edits ${snippetEdits})`);
      }
      const keys = parseWithSchema(applyAction(text, addAll), defaultSchema).fields.map((f) => f.key);
      for (const spec of listed(defaultSchema).filter((s) => s.presence !== 'optional')) assert.ok(keys.includes(spec.key), `${spec.key} not added`);
    }
  });

  it('"Convert to fragment" keeps the story and leaves every other value empty', () => {
    const story = seed(2);
    const diagnostics = validate(story, { now: NOW, uri: URI });
    const [convert] = quickFixes({ document: parseWithSchema(story, defaultSchema), schema: defaultSchema, uri: URI, snippetEdits: true }, diagnostics);
    assert.match(convert.title, /Convert to fragment/);
    const converted = applyAction(story, convert);
    assert.deepEqual(
      chosenValues(converted, defaultSchema).map((v) => v.split(':')[0]),
      ['Outcome description'],
    );
  });
});

/** The text after an action, its snippet edits expanded as VS Code inserts them when the person only presses Tab. */
function applyAction(text: string, action: CodeAction): string {
  const edit = action.edit;
  assert.ok(edit, `${action.title} has no edit`);
  const plain = (edit.changes?.[URI] ?? []) as TextEdit[];
  const snippetEdits = ((edit.documentChanges?.[0] as { edits?: unknown[] } | undefined)?.edits ?? []) as ({ snippet?: { value: string } } & TextEdit)[];
  const edits = [...plain, ...snippetEdits.map((e) => ({ range: e.range, newText: e.snippet ? asInserted(e.snippet.value) : e.newText }))];
  assert.ok(edits.length > 0, `${action.title} has no edits`);
  return applyEdits(text, edits);
}
