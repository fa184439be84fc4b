/** Formatting, sorting, completion and hover on the core, including hostile input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDefaultSchema, parseWithSchema } from '../../server/src/core';
import { complete } from '../../server/src/core/features/completion';
import { formatEdits } from '../../server/src/core/features/format';
import { hover } from '../../server/src/core/features/hover';
import { applyEdits } from '../../server/src/core/features/shared';
import { sortFieldsEdits } from '../../server/src/core/features/sort-fields';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { foldingRanges } from '../../server/src/core/features/folding';
import { seed, VALID_RECORD } from '../support/fixtures';

const schema = getDefaultSchema();
const format = (text: string) => applyEdits(text, formatEdits(parseWithSchema(text, schema), schema));
const sortFields = (text: string) => applyEdits(text, sortFieldsEdits(parseWithSchema(text, schema), schema));

/** Inputs people and tools produce: BOM, CR-only endings, tabs, empty keys, stray stars, a huge line. */
const AWKWARD = [
  '\uFEFF**FragmentID**:   A-b/c  \r**scale**:\tlocal\t\r\r',
  '**FragmentID**: A-b/c\n**Outcome description**:\n   indented start\n\n  and more   \n**Year**:2024',
  '** **: x\n****: y\n**a**b**: c\n* bullet: text\n**Scale: Local\n  **Year**: 2024  ',
  `**FragmentID**: A-b/c\n**Outcome description**: ${' '.repeat(200_000)}x${' '.repeat(200_000)}`,
  '',
  '\n\n   \n',
];

describe('formatting (core)', () => {
  it('is idempotent and keeps the non-space characters of every line in order', () => {
    for (const text of [...AWKWARD, VALID_RECORD, seed(0), seed(1), seed(2)]) {
      const once = format(text);
      assert.equal(format(once), once);
      assert.equal(once.replace(/[\s]/g, '').toLowerCase(), text.replace(/[\s]/g, '').toLowerCase());
      assert.equal(once.split(/\r\n|\r|\n/).length, text.split(/\r\n|\r|\n/).length, 'no line added or removed');
    }
  });

  it('keeps the byte-order mark and a key already spelled as the schema spells it (the export’s trailing space too)', () => {
    assert.ok(format(AWKWARD[0]).startsWith('\uFEFF**FragmentID**: A-b/c\r**Scale**: local\r'));
    assert.ok(format(seed(0)).includes('**Additional information (use if needed) **:\n'));
  });
});

describe('sorting fields (core)', () => {
  it('puts fields in schema order and keeps every line', () => {
    const lines = VALID_RECORD.split('\n');
    const shuffled = [...lines].reverse();
    // Reversed whole, FragmentID comes last and starts a second record: sorting must still keep every line.
    const within = [lines[0], ...lines.slice(1).reverse()].join('\n');
    assert.equal(sortFields(within), VALID_RECORD);
    assert.deepEqual(sortFields(shuffled.join('\n')).split('\n').sort(), [...lines].sort());
  });

  it('moves continuation lines and stray lines with their field, unknown fields after known ones', () => {
    const text = '**FragmentID**: A-b/c\n**Mystery**: m\n**Scale**: Local\n  more about scale\n**Year**: 2024';
    assert.equal(sortFields(text), '**FragmentID**: A-b/c\n**Year**: 2024\n**Scale**: Local\n  more about scale\n**Mystery**: m');
  });
});

describe('outline', () => {
  it('names a field without a name, since an empty symbol name is refused by VS Code (found by npm run fuzz)', () => {
    const [record] = documentSymbols(parseWithSchema(`${VALID_RECORD}\n** **: Link to Outcomes`, schema), schema);
    assert.equal(record.children?.at(-1)?.name, '(field without a name)');
    assert.ok(record.children?.every((child) => child.name.length > 0));
  });
});

describe('completion and hover never fail', () => {
  it('answer at every position of awkward documents', () => {
    for (const text of AWKWARD.slice(0, 3).concat([seed(1).slice(0, 600)])) {
      const document = parseWithSchema(text, schema);
      document.lines.forEach((line, lineNumber) => {
        for (let character = 0; character <= line.length + 1; character++) {
          const position = { line: lineNumber, character };
          assert.ok(Array.isArray(complete(document, schema, position, { snippets: true })));
          hover(document, schema, position);
        }
      });
      documentSymbols(document, schema);
      foldingRanges(document);
    }
  });

  it('offers keys with an empty value even when the client has snippets: a choice list would pick the first value', () => {
    const text = '**FragmentID**: A-b/c\n';
    const items = complete(parseWithSchema(text, schema), schema, { line: 1, character: 0 }, { snippets: true });
    const scale = items.find((i) => i.label === 'Scale');
    assert.equal((scale?.textEdit as { newText: string }).newText, '**Scale**: ');
    assert.equal(scale?.insertTextFormat, 1);
    const country = items.find((i) => i.label === 'coutnry');
    assert.equal((country?.textEdit as { newText: string }).newText, '**coutnry**: ');
  });
});
