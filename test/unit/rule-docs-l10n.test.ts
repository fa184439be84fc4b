/**
 * The rule pages in French, Spanish and Arabic (docs/rules/<language>/<code>.md) say what the English page says:
 * the same pages, the same headings, the same examples, and the same data (field keys, values, markers, codes).
 * Only the prose is translated; a translated page that drifts from the English one fails here.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { DIAGNOSTIC_CODES, ruleDocsHref } from '../../server/src/core';
import { RULE_DOC_LANGUAGES } from '../../server/src/core/diagnostic-docs';

const RULES_DIR = resolve(__dirname, '../../docs/rules');
const INDEX = 'README.md';

const pagesIn = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== INDEX)
    .sort();

interface Page {
  /** The level of each heading, in order (`#` is 1), outside code blocks. */
  headings: number[];
  /** Each fenced code block, its fence line and body, in order. */
  codeBlocks: string[];
  /** The inline code spans of the prose. */
  inlineCode: string[];
  /** The targets of the prose's relative links. */
  links: string[];
  /** The prose, without the code blocks. */
  prose: string;
  /** The first line. */
  title: string;
}

function readPage(path: string): Page {
  const lines = readFileSync(path, 'utf8').replace(/\r\n/g, '\n').split('\n');
  const page: Page = { headings: [], codeBlocks: [], inlineCode: [], links: [], prose: '', title: lines[0] };
  const prose: string[] = [];
  let block: string[] | undefined;
  for (const line of lines) {
    if (block) {
      block.push(line);
      if (/^```\s*$/.test(line)) {
        page.codeBlocks.push(block.join('\n'));
        block = undefined;
      }
    } else if (line.startsWith('```')) {
      block = [line];
    } else {
      prose.push(line);
      const heading = /^(#{1,6}) /.exec(line);
      if (heading) page.headings.push(heading[1].length);
    }
  }
  assert.equal(block, undefined, `${path}: a code block is not closed`);
  page.prose = prose.join('\n');
  // Inline code may wrap onto the next line, as Markdown allows.
  for (const match of page.prose.matchAll(/`([^`]+)`/g)) page.inlineCode.push(match[1].replace(/\s*\n\s*/g, ' '));
  for (const match of page.prose.matchAll(/\]\(([^)\s]+)\)/g)) if (!/^[a-z]+:/.test(match[1])) page.links.push(match[1]);
  return page;
}

/**
 * An inline code span that quotes a message the tool shows (`Replace "meduim" with "medium"`): the message is
 * translated with the tool's own, so the translated page need not keep the English words, only the data it quotes.
 */
/**
 * English function words in a paragraph of translated prose, once the data is set aside (inline code, quotes, which
 * hold English examples and messages, link targets and rule codes). Two or more mean an English sentence was left in.
 */
function englishWordsIn(paragraph: string): string[] {
  const prose = paragraph
    .replace(/`[^`]*`/g, '')
    .replace(/«[^»]*»/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\w+(-\w+)+/g, '');
  return prose.match(/\b(the|and|is|of|to|are|with|that|this|not|when|from|for)\b/gi) ?? [];
}

/** A marker written outside code (<person>): GitHub and the Markdown preview read it as an HTML tag, and it vanishes. */
const bareTagIn = (page: Page): string | undefined =>
  /<(?!\/?(span|div)\b)[^>\s]+>/.exec(page.prose.replace(/`[^`]*`/g, ''))?.[0];

const isQuotedMessage = (span: string): boolean => /^[A-Z][a-z]+ [^"]*"/.test(span);

describe('rule pages in other languages', () => {
  const englishPages = pagesIn(RULES_DIR);

  it('has a page for every diagnostic code in English', () => {
    assert.deepEqual(englishPages, [...DIAGNOSTIC_CODES].map((code) => `${code}.md`).sort());
  });

  it('writes markers in English pages as code, so that they show', () => {
    for (const name of englishPages) assert.equal(bareTagIn(readPage(join(RULES_DIR, name))), undefined, name);
  });

  it('has one folder per language the links know, and no other', () => {
    const folders = readdirSync(RULES_DIR).filter((name) => statSync(join(RULES_DIR, name)).isDirectory());
    assert.deepEqual(folders.sort(), [...RULE_DOC_LANGUAGES].sort());
  });

  for (const language of RULE_DOC_LANGUAGES) {
    describe(language, () => {
      const folder = join(RULES_DIR, language);

      it('has every English page, and no page English does not have', () => {
        assert.deepEqual(pagesIn(folder), englishPages);
      });

      it('has an index that links every page', () => {
        const index = readPage(join(folder, INDEX));
        for (const paragraph of index.prose.split(/\n\s*\n/)) {
          assert.ok(englishWordsIn(paragraph).length < 2, `an English sentence is left in: ${paragraph.trim().slice(0, 120)}`);
        }
        for (const page of englishPages) assert.ok(index.links.includes(page), `${language}/${INDEX} does not link ${page}`);
        for (const link of index.links) assert.ok(existsSync(resolve(folder, link.split('#')[0])), `${language}/${INDEX} links ${link}, which does not exist`);
      });

      for (const name of englishPages) {
        const translatedPath = join(folder, name);
        it(`${name}: same title, headings, code blocks and data as the English page, and no English sentence left`, () => {
          assert.ok(existsSync(translatedPath), `docs/rules/${language}/${name} is missing`);
          const english = readPage(join(RULES_DIR, name));
          const translated = readPage(translatedPath);
          assert.equal(translated.title, english.title, 'the title is the rule code, as in English');
          assert.equal(bareTagIn(translated), undefined, 'a marker outside `code` would vanish when the page is shown');
          for (const paragraph of translated.prose.split(/\n\s*\n/)) {
            const english = englishWordsIn(paragraph);
            assert.ok(english.length < 2, `an English sentence is left in (${english.join(', ')}): ${paragraph.trim().slice(0, 120)}`);
          }
          assert.deepEqual(translated.headings, english.headings, 'the heading structure differs from the English page');
          assert.deepEqual(translated.codeBlocks, english.codeBlocks, 'a code block differs from the English page');
          // The data in the prose (keys, values, markers, codes, settings) is written as in English.
          for (const span of english.inlineCode) {
            if (isQuotedMessage(span)) {
              for (const [, quoted] of span.matchAll(/"([^"]+)"/g)) {
                assert.ok(translated.prose.includes(quoted), `the quoted value ${quoted} (from \`${span}\`) is missing`);
              }
            } else {
              assert.ok(translated.inlineCode.includes(span), `\`${span}\` is missing or changed`);
            }
          }
          // Every rule the English page names is named, and every link leads to a file that exists.
          for (const code of DIAGNOSTIC_CODES.filter((code) => code.includes('-'))) {
            const named = new RegExp(`(?<![\\w-])${code}(?![\\w-])`);
            if (named.test(english.prose)) assert.ok(named.test(translated.prose), `the rule ${code} is not named`);
          }
          for (const link of translated.links) {
            assert.ok(existsSync(resolve(folder, link.split('#')[0])), `the link ${link} leads nowhere`);
          }
          // The same links, to the same pages (a translated page sits one folder deeper).
          const target = (link: string) => link.replace(/^(\.\.\/)+/, '');
          assert.deepEqual(translated.links.map(target), english.links.map(target), 'a link is missing, added or changed');
        });
      }
    });
  }

  it('reads Arabic right to left, with the code blocks and the inline code left to right', () => {
    for (const name of [...englishPages, INDEX]) {
      const lines = readFileSync(join(RULES_DIR, 'ar', name), 'utf8').split('\n');
      let inRtl = false;
      let inCode = false;
      for (const [index, line] of lines.entries()) {
        const where = `ar/${name}:${index + 1}`;
        if (inCode) {
          if (/^```\s*$/.test(line)) inCode = false;
        } else if (line.startsWith('```')) {
          assert.ok(!inRtl, `${where}: a code block inside the right-to-left block`);
          inCode = true;
        } else if (line === '<div dir="rtl" lang="ar">') {
          assert.ok(!inRtl, `${where}: a right-to-left block inside another`);
          inRtl = true;
        } else if (line === '</div>') {
          assert.ok(inRtl, `${where}: </div> without its <div dir="rtl">`);
          inRtl = false;
        } else if (line.trim() !== '' && !line.startsWith('# ')) {
          assert.ok(inRtl, `${where}: text outside a <div dir="rtl" lang="ar"> block`);
        }
      }
      assert.ok(!inRtl, `ar/${name}: the last <div dir="rtl"> is not closed`);
      // In a right-to-left line, the bidi algorithm reorders the neutral characters of inline code (`http://` shows as
      // `//:http`, `+963 11 234 5678` with its groups reversed): such code sits in an isolating left-to-right span.
      const { prose } = readPage(join(RULES_DIR, 'ar', name));
      for (const match of prose.matchAll(/`([^`]+)`/g)) {
        const before = prose.slice(0, match.index);
        const inLtrSpan = before.lastIndexOf('<span dir="ltr">') > before.lastIndexOf('</span>');
        const onlyLetters = /^[A-Za-z]([A-Za-z\s]*[A-Za-z])?$/.test(match[1]);
        assert.ok(onlyLetters || inLtrSpan, `ar/${name}: \`${match[1]}\` is not in <span dir="ltr">`);
      }
    }
  });

  it('links each diagnostic to the page in the person\'s language, and to English otherwise', () => {
    const pageOf = (href: string) => fileURLToPath(href);
    assert.equal(pageOf(ruleDocsHref('invalid-value')), join(RULES_DIR, 'invalid-value.md'));
    assert.equal(pageOf(ruleDocsHref('invalid-value', 'fr')), join(RULES_DIR, 'fr', 'invalid-value.md'));
    assert.equal(pageOf(ruleDocsHref('invalid-value', 'es-419')), join(RULES_DIR, 'es', 'invalid-value.md'));
    assert.equal(pageOf(ruleDocsHref('invalid-value', 'AR')), join(RULES_DIR, 'ar', 'invalid-value.md'));
    assert.equal(pageOf(ruleDocsHref('invalid-value', 'pt-br')), join(RULES_DIR, 'invalid-value.md'));
    assert.equal(pageOf(ruleDocsHref('invalid-value', 'en')), join(RULES_DIR, 'invalid-value.md'));
    for (const language of RULE_DOC_LANGUAGES) {
      for (const code of DIAGNOSTIC_CODES) assert.ok(existsSync(pageOf(ruleDocsHref(code, language))), `${language}/${code}.md`);
    }
    assert.equal(dirname(pageOf(ruleDocsHref('pii', 'fr'))), join(RULES_DIR, 'fr'));
  });
});
