/**
 * The built server in the person's language: started with initialize's `locale` (what VS Code sends as its display
 * language) in French, Spanish and Arabic, and with `fragments.locale` overriding it, before and after a change of
 * the setting. Diagnostics, hovers and quick-fix titles are translated; codes and keys are not.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { VALID_RECORD, withField } from '../support/fixtures';
import { startServer, type StartOptions, type TestClient } from '../support/lsp-client';

const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';
const uri = 'file:///l10n.fragment';
// One mistyped value of a closed list: a diagnostic, a hover on its key, a quick fix to the one close value.
const text = withField('Scale', '**Scale**: locall');
const scaleLine = text.split('\n').findIndex((line) => line.startsWith('**Scale**'));

async function opened(options: StartOptions): Promise<{ client: TestClient; diagnostics: Diagnostic[] }> {
  const client = await startServer(options);
  const published = client.nextDiagnostics(uri);
  client.open(uri, text);
  return { client, diagnostics: (await published).diagnostics };
}

// The server's messages are plain text (LSP 3.18 would allow Markdown there).
const invalidValue = (diagnostics: Diagnostic[]): Diagnostic & { message: string } => {
  const found = diagnostics.find((d) => d.code === 'invalid-value');
  assert.ok(found && typeof found.message === 'string', `no invalid-value among ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  return found as Diagnostic & { message: string };
};

async function hoverOnScale(client: TestClient): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: scaleLine, character: 3 } });
  return (hover?.contents as MarkupContent).value;
}

async function quickFixTitles(client: TestClient, diagnostic: Diagnostic): Promise<string[]> {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  return actions.map((a) => a.title);
}

describe('the server in the person’s language', () => {
  it('speaks English when initialize names no locale, or one it has no translation for', async () => {
    for (const locale of [undefined, 'pt-br']) {
      const { client, diagnostics } = await opened({ locale });
      try {
        assert.match(invalidValue(diagnostics).message, /^"locall" is not an allowed value for Scale\. Did you mean "Local"\?/);
        assert.deepEqual(await quickFixTitles(client, invalidValue(diagnostics)), ['Replace "locall" with "Local"']);
        assert.match(invalidValue(diagnostics).codeDescription?.href ?? '', /\/docs\/rules\/invalid-value\.md$/);
      } finally {
        await client.shutdown();
      }
    }
  });

  it('French from initialize: diagnostics, hover and quick fix, with keys and values as written', async () => {
    const { client, diagnostics } = await opened({ locale: 'fr' });
    try {
      const diagnostic = invalidValue(diagnostics);
      assert.match(diagnostic.message, /^"locall" n’est pas une valeur autorisée pour Scale\. Vouliez-vous dire "Local" \? Valeurs autorisées : /);
      assert.equal(diagnostic.code, 'invalid-value');
      assert.match(diagnostic.codeDescription?.href ?? '', /\/docs\/rules\/fr\/invalid-value\.md$/, 'the link goes to the rule’s page in French');
      const hover = await hoverOnScale(client);
      assert.match(hover, /^\*\*Scale\*\*/);
      assert.match(hover, /Obligatoire : chaque fragment doit l’avoir, avec une valeur\./);
      assert.match(hover, /Jusqu’où le changement s’étend\./); // the built-in schema's description, in French
      assert.match(hover, /`Regional` — Une province ou une région d’un pays/);
      assert.match(hover, /Écrivez exactement une de ces valeurs :/);
      assert.deepEqual(await quickFixTitles(client, diagnostic), ['Remplacer "locall" par "Local"']);
      const missing = diagnostics.filter((d) => d.code !== 'invalid-value').map((d) => String(d.message));
      assert.ok(missing.every((m) => !/\b(is|the|this)\b/.test(m)), `English left in: ${JSON.stringify(missing)}`);
    } finally {
      await client.shutdown();
    }
  });

  it('Spanish from initialize (es-419 counts as es)', async () => {
    const { client, diagnostics } = await opened({ locale: 'es-419' });
    try {
      const diagnostic = invalidValue(diagnostics);
      assert.match(diagnostic.message, /^"locall" no es un valor permitido para Scale\. ¿Quería decir "Local"\?/);
      assert.match(await hoverOnScale(client), /Obligatorio: todo fragmento debe tenerlo, con un valor\./);
      assert.deepEqual(await quickFixTitles(client, diagnostic), ['Sustituir "locall" por "Local"']);
    } finally {
      await client.shutdown();
    }
  });

  it('Arabic from initialize: right to left, each line isolated, keys and values isolated inside it', async () => {
    const { client, diagnostics } = await opened({ locale: 'ar' });
    try {
      const message = invalidValue(diagnostics).message;
      assert.ok(message.startsWith(RLI) && message.endsWith(PDI), JSON.stringify(message));
      assert.match(invalidValue(diagnostics).codeDescription?.href ?? '', /\/docs\/rules\/ar\/invalid-value\.md$/, 'the link goes to the rule’s page in Arabic');
      assert.ok(message.includes(`${FSI}"locall"${PDI} ليست قيمة مسموحًا بها في ${FSI}Scale${PDI}.`), JSON.stringify(message));
      const hover = await hoverOnScale(client);
      for (const line of hover.split('\n').filter((l) => l.trim() !== '')) {
        assert.match(line, /^(- )?\u2067.*\u2069$/, `a hover line outside a right-to-left isolate: ${JSON.stringify(line)}`);
      }
      assert.match(hover, /إلزامي: يجب أن يحتويه كل سجل، بقيمة\./);
      assert.match(hover, /مدى امتداد التغيير\./);
      const [title] = await quickFixTitles(client, invalidValue(diagnostics));
      assert.equal(title, `${RLI}استبدل ${FSI}"locall"${PDI} بـ ${FSI}"Local"${PDI}${PDI}`);
    } finally {
      await client.shutdown();
    }
  });

  it('fragments.locale overrides the display language, and a change of it checks the open file again in the new one', async () => {
    const { client, diagnostics } = await opened({ locale: 'en', settings: { locale: 'fr' } });
    try {
      assert.match(invalidValue(diagnostics).message, /n’est pas une valeur autorisée/);
      const republished = client.nextDiagnostics(uri);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { fragments: { validationDelay: 0, locale: 'es' } } });
      assert.match(invalidValue((await republished).diagnostics).message, /no es un valor permitido/);
      assert.match(await hoverOnScale(client), /Obligatorio/);
      const back = client.nextDiagnostics(uri);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { fragments: { validationDelay: 0, locale: 'auto' } } });
      assert.match(invalidValue((await back).diagnostics).message, /^"locall" is not an allowed value for Scale\./);
    } finally {
      await client.shutdown();
    }
  });
});

/**
 * A team schema with mistakes, in the person's language: a field kind mistyped (an error: the schema is not used) and
 * a property the format does not have (a warning). The names from the file stay as written.
 */
describe('a team schema’s problems in the person’s language', () => {
  const BROKEN = '{\n  "extends": "default",\n  "feilds": [],\n  "fields": [{ "key": "Scale", "kind": "closd" }]\n}\n';
  const roots: string[] = [];
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  /** The problems published on the schema file once a fragment beside it is opened. */
  async function schemaProblems(options: StartOptions): Promise<{ client: TestClient; root: string; problems: string[] }> {
    const root = mkdtempSync(join(tmpdir(), 'fragment-l10n-schema-'));
    roots.push(root);
    writeFileSync(join(root, 'fragment.schema.json'), BROKEN);
    const client = await startServer({ rootUri: pathToFileURL(root).toString(), ...options });
    const published = client.nextDiagnostics(pathToFileURL(join(root, 'fragment.schema.json')).toString());
    client.open(pathToFileURL(join(root, 'a.fragment')).toString(), VALID_RECORD);
    const { diagnostics } = await published;
    return { client, root, problems: diagnostics.map((d) => String(d.message)).sort() };
  }

  it('English by default (the messages the other tests read)', async () => {
    const { client, problems } = await schemaProblems({});
    try {
      assert.deepEqual(problems, [
        '"feilds" is not part of the fragment schema format, so it is ignored. Did you mean "fields"?',
        '"kind" of field 1 must be one of: text, closed, open, multi, flag, year, pattern. Did you mean "closed"?',
      ]);
    } finally {
      await client.shutdown();
    }
  });

  it('French: every problem of the schema file, with the keys and values of the file as written', async () => {
    const { client, problems } = await schemaProblems({ locale: 'fr' });
    try {
      assert.deepEqual(problems, [
        '"feilds" ne fait pas partie du format des schémas de fragments : il est donc ignoré. Vouliez-vous dire "fields" ?',
        '"kind" du champ 1 : la valeur doit être l’une de celles-ci : text, closed, open, multi, flag, year, pattern. Vouliez-vous dire "closed" ?',
      ]);
    } finally {
      await client.shutdown();
    }
  });

  it('Arabic: right to left, each message isolated, the names from the file isolated inside it', async () => {
    const { client, problems } = await schemaProblems({ locale: 'ar' });
    try {
      assert.deepEqual(problems, [
        `${RLI}"${FSI}feilds${PDI}" ليس جزءًا من صيغة مخطط السجلات، فيُتجاهل. هل تقصد "${FSI}fields${PDI}"؟${PDI}`,
        `${RLI}${FSI}"${FSI}kind${PDI}" في الحقل ${FSI}1${PDI}${PDI}: يجب أن تكون القيمة واحدة من: ${FSI}text, closed, open, multi, flag, year, pattern${PDI}. هل تقصد "${FSI}closed${PDI}"؟${PDI}`,
      ]);
    } finally {
      await client.shutdown();
    }
  });

  it('a change of fragments.locale writes the schema file’s problems again in the new language', async () => {
    const { client, root } = await schemaProblems({ locale: 'en', settings: { locale: 'es' } });
    try {
      const republished = client.nextDiagnostics(pathToFileURL(join(root, 'fragment.schema.json')).toString());
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { fragments: { validationDelay: 0, locale: 'fr' } } });
      const problems = (await republished).diagnostics.map((d) => String(d.message));
      assert.ok(problems.some((m) => m.startsWith('"kind" du champ 1 : la valeur doit être')), JSON.stringify(problems));
    } finally {
      await client.shutdown();
    }
  });
});
