/**
 * fragment-lint export and import, through the built CLI: records to CSV and XLSX and back, character for character;
 * sheets that do not fit (wrong headers, empty rows, formulas, a 50,000-row sheet); files never replaced without
 * --force; file names made safe from FragmentIDs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { strToU8, zipSync } from 'fflate';
import { fieldValue, getDefaultSchema, parseWithSchema } from '../../server/src/core';
import { CLI_BUNDLE, lint, tempFolder } from './run-cli';
import { VALID_RECORD } from '../support/fixtures';

const ROOT = resolve(__dirname, '../..');
const schema = getDefaultSchema();

/** Each record of a text as [key, value] pairs. */
function recordsOf(text: string): [string, string][][] {
  return parseWithSchema(text, schema).records.map((r) => r.fields.map((f) => [f.key, fieldValue(f)]));
}

/** A record as the import writes it: every schema field in schema order (empty when the record lacks it), then the others. */
function asImported(fields: [string, string][]): [string, string][] {
  const known = schema.fields.flatMap((spec): [string, string][] => {
    const given = fields.filter(([key]) => key === spec.key);
    return given.length > 0 ? given : [[spec.key, '']];
  });
  return [...known, ...fields.filter(([key]) => !schema.fields.some((spec) => spec.key === key))];
}

/** The records of every fragment file in a folder, sorted by their text so that file order does not matter. */
function recordsIn(folder: string): [string, string][][] {
  return readdirSync(folder)
    .flatMap((name) => recordsOf(readFileSync(join(folder, name), 'utf8')))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

function sorted(records: [string, string][][]): [string, string][][] {
  return [...records].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** A minimal XLSX workbook with one sheet whose cells are given as XML (`<c r="A1" …>…</c>` per cell). */
function xlsx(rows: string[][]): Buffer {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((cells, r) => `<row r="${r + 1}">${cells.join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Records" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    }),
  );
}
const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

describe('fragment-lint export and import', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder({});
  });
  after(() => folder.remove());

  for (const format of ['csv', 'xlsx']) {
    it(`round-trips the seeds and the examples through ${format.toUpperCase()} exactly`, () => {
      const sources = [join(ROOT, 'test/fixtures/seeds'), join(ROOT, 'examples')];
      const sheet = join(folder.dir, `all.${format}`);
      const exported = lint(folder.dir, ['export', '--to', sheet, ...sources]);
      assert.equal(exported.status, 0, exported.stderr);
      assert.match(exported.stderr, /Exported \d+ records from \d+ files/);
      const out = join(folder.dir, `all-${format}`);
      const imported = lint(folder.dir, ['import', sheet, '--out', out]);
      assert.ok(imported.status === 0 || imported.status === 1, imported.stderr); // the records' own problems are reported
      const original: [string, string][][] = [];
      for (const source of sources) {
        const files = spawnSync('find', [source, '-type', 'f'], { encoding: 'utf8' }).stdout.trim().split('\n');
        for (const file of files) original.push(...recordsOf(readFileSync(file, 'utf8')).map(asImported));
      }
      assert.deepEqual(recordsIn(out), sorted(original));
    });
  }

  it('round-trips any records through CSV and XLSX: non-ASCII text, markers, quotes, commas, line breaks and empty values (property)', () => {
    const lineStart = fc.constantFrom('a', 'Z', 'é', 'ß', 'Ω', 'ع', '漢', '<redacted>', '<LOC>', '"', '1', '😀');
    const rest = fc.string({ unit: fc.constantFrom('a', ' ', ',', ';', '"', "'", 'é', '’', '–', '<', '>', '*', ':', '=', '\t', '😀', 'ü', '\u00a0x') , maxLength: 12 });
    const line = fc.tuple(lineStart, rest).map(([a, b]) => `${a}${b}`.trim());
    const value = fc.oneof(fc.constant(''), fc.array(fc.oneof({ weight: 4, arbitrary: line }, { weight: 1, arbitrary: fc.constant('') }), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n').trim()));
    const record = fc.record({ id: line, values: fc.array(value, { minLength: 3, maxLength: 3 }), extra: value });
    let run = 0;
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), (records) => {
        run++;
        const dir = join(folder.dir, `property-${run}`);
        mkdirSync(dir);
        const texts = records.map(
          (r, i) =>
            `**FragmentID**: ${r.id}-${i}\n**Outcome description**: ${r.values[0]}\n**Significance of the outcome**: ${r.values[1]}\n**Contribution of the programme**: ${r.values[2]}\n${r.extra ? `**Team note**: ${r.extra}\n` : ''}`,
        );
        const source = tempFolder(Object.fromEntries(texts.map((t, i) => [`r${i}.fragment`, t])));
        try {
          const expected = sorted(texts.flatMap((t) => recordsOf(t).map(asImported)));
          for (const format of ['csv', 'xlsx']) {
            const sheet = join(dir, `records.${format}`);
            const exported = lint(folder.dir, ['export', '--to', sheet, source.dir]);
            assert.equal(exported.status, 0, exported.stderr);
            const imported = lint(folder.dir, ['import', sheet, '--out', join(dir, format)]);
            assert.notEqual(imported.status, 2, imported.stderr);
            assert.deepEqual(recordsIn(join(dir, format)), expected);
          }
        } finally {
          source.remove();
        }
      }),
      { numRuns: 12 },
    );
  });

  it('exports one row per record with its file, line and problem counts, as a check counts them', () => {
    const sheet = join(folder.dir, 'counts.csv');
    const typos = join(ROOT, 'examples/bad/typos.fragment');
    assert.equal(lint(folder.dir, ['export', '--to', sheet, typos]).status, 0);
    const [header, ...rows] = parseCsv(readFileSync(sheet, 'utf8'), { bom: true }) as string[][];
    assert.deepEqual(header.slice(0, schema.fields.length), schema.fields.map((f) => f.key));
    assert.deepEqual(header.slice(-5), ['(file)', '(line)', '(errors)', '(warnings)', '(notes)']);
    const check = JSON.parse(lint(folder.dir, ['--format', 'json', typos]).stdout) as { diagnostics: { line: number; severity: string }[] }[];
    assert.equal(rows.length, 1); // typos.fragment holds one record
    const [row] = rows;
    const column = (name: string) => row[header.indexOf(name)];
    assert.equal(column('(line)'), '1');
    assert.ok(column('(file)').endsWith('typos.fragment'));
    for (const [name, severity] of [['(errors)', 'error'], ['(warnings)', 'warning']] as const) {
      const expected = check[0].diagnostics.filter((d) => d.severity === severity).length;
      assert.ok(expected > 0);
      assert.equal(Number(column(name)), expected, name);
    }
  });

  it('leaves out of the sheet, and names, a file it cannot read and a link leading outside; the rest is written, exit 2', () => {
    const outside = tempFolder({ 'secret.fragment': VALID_RECORD.replace('SCC-<redacted>/PHR012', 'SCC-9/SECRET') });
    const records = tempFolder({
      'a.fragment': VALID_RECORD.replace('SCC-<redacted>/PHR012', 'SCC-1/A'),
      'binary.fragment': Buffer.from([0x2a, 0x2a, 0x00, 0xff, 0xfe, 0x00, 0x01]),
    });
    try {
      symlinkSync(join(outside.dir, 'secret.fragment'), join(records.dir, 'link.fragment'));
      const sheet = join(records.dir, 'out.csv');
      const run = lint(records.dir, ['export', '--to', sheet, '.']);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /binary\.fragment .*; its records are not in the sheet\./);
      assert.match(run.stderr, /link\.fragment is a link to .*secret\.fragment, outside the folders checked, so it was not followed\./);
      const [header, ...rows] = parseCsv(readFileSync(sheet, 'utf8'), { bom: true }) as string[][];
      assert.deepEqual(rows.map((row) => row[header.indexOf('FragmentID')]), ['SCC-1/A']);
    } finally {
      records.remove();
      outside.remove();
    }
  });

  it('refuses to export to XLSX a value an Excel cell cannot hold, instead of dropping part of it; CSV keeps it', () => {
    const records = tempFolder({ 'bell.fragment': '**FragmentID**: C-1\n**Outcome description**: bell\u0007here\n' });
    try {
      const run = lint(records.dir, ['export', '--to', 'bell.xlsx', 'bell.fragment']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /"Outcome description" in the record at bell\.fragment:1 holds a control character \(U\+0007\) an Excel cell cannot hold/);
      assert.equal(existsSync(join(records.dir, 'bell.xlsx')), false);
      assert.equal(lint(records.dir, ['export', '--to', 'bell.csv', 'bell.fragment']).status, 0);
      lint(records.dir, ['import', 'bell.csv', '--out', 'back']);
      assert.match(readFileSync(join(records.dir, 'back/C-1.fragment'), 'utf8'), /^\*\*Outcome description\*\*: bell\u0007here$/m);
    } finally {
      records.remove();
    }
  });

  it('reports headers that do not match the schema, with the field each may stand for, and writes nothing', () => {
    writeFileSync(join(folder.dir, 'wrong.csv'), 'FragmentId,Sacle,Year\nA-1,Local,2024\n');
    const run = lint(folder.dir, ['import', 'wrong.csv', '--out', 'wrong']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no "FragmentID" column.*Is it the column headed "FragmentId"\?/);
    assert.match(run.stderr, /Column B is headed "Sacle", which is not a field of the schema\. Did you mean "Scale"\?/);
    assert.match(run.stderr, /C "Year": field Year/);
    assert.equal(existsSync(join(folder.dir, 'wrong')), false);
  });

  it('skips empty rows and says how many', () => {
    writeFileSync(join(folder.dir, 'gaps.csv'), 'FragmentID,Scale\nG-1,Local\n,\n , \nG-2,National\n\n');
    const run = lint(folder.dir, ['import', 'gaps.csv', '--out', 'gaps']);
    assert.match(run.stderr, /Wrote 2 fragment files to gaps; 3 empty rows skipped\./);
    assert.deepEqual(readdirSync(join(folder.dir, 'gaps')).sort(), ['G-1.fragment', 'G-2.fragment']);
  });

  it('takes the saved result of a formula, and names a formula cell without one instead of guessing', () => {
    const withResult = xlsx([
      [text('A1', 'FragmentID'), text('B1', 'Year')],
      [text('A2', 'F-1'), '<c r="B2"><f>2000+24</f><v>2024</v></c>'],
    ]);
    writeFileSync(join(folder.dir, 'saved.xlsx'), withResult);
    const saved = lint(folder.dir, ['import', 'saved.xlsx', '--out', 'saved']);
    assert.notEqual(saved.status, 2, saved.stderr);
    assert.match(readFileSync(join(folder.dir, 'saved/F-1.fragment'), 'utf8'), /^\*\*Year\*\*: 2024$/m);

    const without = xlsx([
      [text('A1', 'FragmentID'), text('B1', 'Year')],
      [text('A2', 'F-2'), '<c r="B2"><f>2000+24</f></c>'],
      [text('A3', 'F-3'), '<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>'],
    ]);
    writeFileSync(join(folder.dir, 'unsaved.xlsx'), without);
    const unsaved = lint(folder.dir, ['import', 'unsaved.xlsx', '--out', 'unsaved']);
    assert.equal(unsaved.status, 2);
    assert.match(unsaved.stderr, /2 cells hold a formula with no saved result \(B2, B3\)/);
    assert.equal(existsSync(join(folder.dir, 'unsaved')), false);
  });

  it('never replaces a file without --force', () => {
    writeFileSync(join(folder.dir, 'one.csv'), 'FragmentID,Scale\nK-1,Local\n');
    assert.notEqual(lint(folder.dir, ['import', 'one.csv', '--out', 'kept']).status, 2);
    const file = join(folder.dir, 'kept/K-1.fragment');
    writeFileSync(file, 'my own text\n');
    const again = lint(folder.dir, ['import', 'one.csv', '--out', 'kept']);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /kept\/K-1\.fragment already exists, so row 2 was not written \(use --force to replace it\)/);
    assert.equal(readFileSync(file, 'utf8'), 'my own text\n');
    lint(folder.dir, ['import', 'one.csv', '--out', 'kept', '--force']);
    assert.match(readFileSync(file, 'utf8'), /^\*\*FragmentID\*\*: K-1$/m);
    // The export too.
    const exportAgain = lint(folder.dir, ['export', '--to', 'one.csv', 'kept']);
    assert.equal(exportAgain.status, 2);
    assert.match(exportAgain.stderr, /one\.csv already exists/);
  });

  it('names files by FragmentID made safe: markers, slashes, reserved names, length, the same ID twice', () => {
    const long = 'L'.repeat(300);
    writeFileSync(join(folder.dir, 'names.csv'), `FragmentID,Scale\nSCC-<redacted>/<redacted>,Local\nSCC-<redacted>/<redacted>,Local\nCON,Local\n../../etc/passwd,Local\n${long},Local\n"a:b*c?d|e",Local\n...,Local\n`);
    const run = lint(folder.dir, ['import', 'names.csv', '--out', 'names']);
    assert.notEqual(run.status, 2, run.stderr);
    assert.deepEqual(readdirSync(join(folder.dir, 'names')).sort(), [
      `${'L'.repeat(80)}.fragment`,
      'SCC-_redacted_redacted_-2.fragment',
      'SCC-_redacted_redacted_.fragment',
      '_CON.fragment',
      'a_b_c_d_e.fragment',
      'etc_passwd.fragment',
      'record-8.fragment',
    ].sort());
    assert.match(readFileSync(join(folder.dir, 'names/etc_passwd.fragment'), 'utf8'), /^\*\*FragmentID\*\*: \.\.\/\.\.\/etc\/passwd$/m);
  });

  it('reports a value with a line that would read as a field, and does not write that record', () => {
    writeFileSync(join(folder.dir, 'split.csv'), 'FragmentID,Outcome description\nS-1,"first line\n**Scale**: Local"\n');
    const run = lint(folder.dir, ['import', 'split.csv', '--out', 'split']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /row 2, column B \("Outcome description"\): a line of this value would be read as a field/);
    assert.deepEqual(readdirSync(join(folder.dir, 'split')), []);
  });

  it('exports and imports 50,000-row sheets (CSV and XLSX) within bounded time and memory', { timeout: 600_000 }, () => {
    const rows = ['FragmentID,Year,Scale,Outcome description'];
    for (let i = 0; i < 50_000; i++) rows.push(`BIG-${i},2024,Local,"Outcome ${i}, with a comma and é"`);
    writeFileSync(join(folder.dir, 'big.csv'), `${rows.join('\n')}\n`);
    const started = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI_BUNDLE, 'import', 'big.csv', '--out', 'big'], { cwd: folder.dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    assert.notEqual(run.status, 2, run.stderr.slice(-2000));
    assert.match(run.stderr, /Wrote 50000 fragment files to big\./);
    assert.equal(readdirSync(join(folder.dir, 'big')).length, 50_000);
    const peakKiB = Number(run.stderr.trim().split('\n').pop());
    console.log(`50,000-row CSV import (write and check 50,000 files): ${seconds.toFixed(1)} s, peak memory ${(peakKiB / 1024).toFixed(0)} MiB`);
    assert.ok(statSync(join(folder.dir, 'big/BIG-49999.fragment')).size > 0);

    // The same 50,000 records through XLSX: exported from the files just written, imported again.
    const timed = (args: string[]) => {
      const begun = process.hrtime.bigint();
      const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI_BUNDLE, ...args], { cwd: folder.dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const figure = `${(Number(process.hrtime.bigint() - begun) / 1e9).toFixed(1)} s, peak memory ${(Number(result.stderr.trim().split('\n').pop()) / 1024).toFixed(0)} MiB`;
      return { ...result, figure };
    };
    const exported = timed(['export', '--to', 'big.xlsx', 'big']);
    assert.equal(exported.status, 0, exported.stderr.slice(-2000));
    assert.match(exported.stderr, /Exported 50000 records from 50000 files/);
    const imported = timed(['import', 'big.xlsx', '--out', 'big-again']);
    assert.notEqual(imported.status, 2, imported.stderr.slice(-2000));
    assert.match(imported.stderr, /Wrote 50000 fragment files to big-again\./);
    console.log(`50,000 records: export to XLSX ${exported.figure}; import from XLSX ${imported.figure}`);
  });

  it('loads the spreadsheet libraries only for export and import: they are a separate bundle', () => {
    const cli = readFileSync(join(ROOT, 'dist/cli.js'), 'utf8');
    const lazy = readFileSync(join(ROOT, 'dist/lazy/spreadsheet-files.js'), 'utf8');
    for (const marker of ['CSV_INVALID_CLOSING_QUOTE', 'sharedStrings']) {
      assert.ok(lazy.includes(marker), `${marker} is in the lazy bundle`);
      assert.ok(!cli.includes(marker), `${marker} is not in dist/cli.js`);
    }
  });

  it('keeps `fragment-lint export` checking a folder named export, as before', () => {
    const records = tempFolder({ 'export/a.fragment': '**FragmentID**: E-1\n' });
    try {
      const run = lint(records.dir, ['--format', 'json', 'export']);
      const plain = lint(records.dir, ['export', '--format', 'json']);
      assert.equal(plain.status, run.status);
      assert.equal(plain.stdout, run.stdout);
    } finally {
      records.remove();
    }
  });
});
