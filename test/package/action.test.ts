// The GitHub Action (action.yml), run as the runner runs a composite action: its `run:` steps in bash with the
// runner's options, inputs and step outputs substituted into `env` and `with`, `if:` evaluated, and GITHUB_OUTPUT
// read back. The one step that cannot run here, github/codeql-action/upload-sarif, is checked for what it would be
// given: a SARIF file that the official SARIF 2.1.0 schema accepts. fragment-lint comes from the packed tarball,
// installed by the action's own install step. Needs `npm run build` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { installCli, REPOSITORY } from './installed-cli';

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action: Action = parse(readFileSync(join(REPOSITORY, 'action.yml'), 'utf8'));
const seed = readFileSync(join(REPOSITORY, 'test/fixtures/seeds/001_58f351f2f37cca43.txt'), 'utf8');
let tmp = '';
let tarball = '';
let baseEnv: Record<string, string> = {};

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fragment-action-'));
  const installed = installCli(tmpFolder('pack'));
  tarball = installed.tarball;
  // The runner's environment, without the prefix installCli put first on PATH: the action installs its own copy.
  baseEnv = { ...installed.env, PATH: process.env.PATH ?? '' };
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function tmpFolder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

interface StepRun {
  name: string;
  skipped: boolean;
  status: number | null;
  stdout: string;
  stderr: string;
  /** For a `uses:` step: the action it names and its resolved `with`. */
  uses?: { action: string; with: Record<string, string> };
}

/** Runs the action's steps in `workspace` with the given inputs, as a GitHub runner would. */
function runAction(workspace: string, given: Record<string, string>): { steps: StepRun[]; outputs: Record<string, string> } {
  assert.equal(action.runs.using, 'composite');
  for (const name of Object.keys(given)) assert.ok(name in action.inputs, `the action has no input "${name}"`);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
  const stepOutputs: Record<string, Record<string, string>> = {};
  const runnerTemp = tmpFolder(`runner-temp-${Math.random().toString(36).slice(2)}`);
  const prefix = join(runnerTemp, 'npm-global');
  const env = { ...baseEnv, npm_config_prefix: prefix, PATH: `${join(prefix, 'bin')}:${baseEnv.PATH}`, RUNNER_TEMP: runnerTemp, GITHUB_ACTION_PATH: REPOSITORY, GITHUB_WORKSPACE: workspace };

  // The expressions this action uses; any other makes the test fail rather than guess.
  const value = (expression: string): string => {
    const [context, ...path] = expression.trim().split('.');
    if (context === 'inputs' && path.length === 1 && path[0] in inputs) return inputs[path[0]];
    if (context === 'github' && path.join('.') === 'action_path') return REPOSITORY;
    if (context === 'steps' && path.length === 3 && path[1] === 'outputs') return stepOutputs[path[0]]?.[path[2]] ?? '';
    throw new Error(`the test's runner does not know the expression "${expression}"`);
  };
  const substitute = (text: string) => text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => value(expression));
  const condition = (expression: string): boolean => {
    const comparison = /^\s*([\w.-]+)\s*==\s*'([^']*)'\s*$/.exec(expression);
    if (!comparison) throw new Error(`the test's runner does not know the condition "${expression}"`);
    return value(comparison[1]) === comparison[2];
  };

  const steps: StepRun[] = [];
  for (const step of action.runs.steps) {
    if (step.if !== undefined && !condition(step.if)) {
      steps.push({ name: step.name, skipped: true, status: null, stdout: '', stderr: '' });
      continue;
    }
    if (step.uses) {
      const resolved = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v))]));
      steps.push({ name: step.name, skipped: false, status: 0, stdout: '', stderr: '', uses: { action: step.uses, with: resolved } });
      continue;
    }
    assert.equal(step.shell, 'bash', `${step.name}: a composite run step names its shell`);
    assert.ok(!/\$\{\{/.test(step.run ?? ''), `${step.name}: inputs go through env, never into the script (script injection)`);
    const outputFile = join(runnerTemp, `output-${steps.length}`);
    writeFileSync(outputFile, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v))]));
    // What the runner runs for `shell: bash`.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...env, ...stepEnv, GITHUB_OUTPUT: outputFile },
    });
    if (result.error) throw result.error;
    steps.push({ name: step.name, skipped: false, status: result.status, stdout: result.stdout, stderr: result.stderr });
    if (step.id) {
      stepOutputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
    }
    if (result.status !== 0) break; // a failed step ends the job
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value)]));
  return { steps, outputs };
}

/** A checkout holding the seed record as it is, and the seed record with a year of five digits. */
function checkout(name: string, withBadYear: boolean): string {
  const dir = tmpFolder(name);
  mkdirSync(join(dir, 'records'));
  writeFileSync(join(dir, 'records/clean.fragment'), seed);
  if (withBadYear) writeFileSync(join(dir, 'records/bad-year.fragment'), seed.replace(/^\*\*Year\*\*: 2024$/m, '**Year**: 20245'));
  return dir;
}

test('on a record with an error: an annotation on its line, the SARIF uploaded, and the job fails', () => {
  const workspace = checkout('with-error', true);
  const { steps, outputs } = runAction(workspace, { package: tarball, paths: 'records', sarif: 'true' });
  assert.deepEqual(
    steps.map((s) => [s.name, s.skipped, s.status]),
    [
      ['Install fragment-lint', false, 0],
      ['Check the fragment records', false, 0],
      ['Upload the problems to code scanning', false, 0],
      ['Fail when fragment-lint found errors', false, 1],
    ],
    steps.map((s) => s.stderr).join('\n'),
  );
  assert.equal(
    steps[1].stdout.trim(),
    '::error file=records/bad-year.fragment,line=5,endLine=5,col=11,endColumn=16,title=fragments(invalid-value)::"20245" is not a year. Year takes four digits, for example 2026.',
  );
  assert.equal(outputs['exit-code'], '1');

  const upload = steps[2].uses!;
  assert.equal(upload.action, 'github/codeql-action/upload-sarif@v3');
  assert.equal(upload.with.sarif_file, outputs['sarif-file']);
  assert.equal(upload.with.category, 'fragment-lint');
  const sarifText = readFileSync(upload.with.sarif_file, 'utf8');
  const sarif: { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] } = JSON.parse(sarifText);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  assert.ok(ajv.validate(JSON.parse(readFileSync(join(REPOSITORY, 'test/cli/sarif-schema-2.1.0.json'), 'utf8')), JSON.parse(sarifText)), JSON.stringify(ajv.errors));
  // Code scanning places an alert by the path from the repository root.
  assert.deepEqual(
    sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]),
    [['invalid-value', 'records/bad-year.fragment']],
  );
});

test('on clean records: no annotation, no upload unless asked, and the job passes', () => {
  const workspace = checkout('clean', false);
  const { steps, outputs } = runAction(workspace, { package: tarball });
  assert.deepEqual(
    steps.map((s) => [s.name, s.skipped, s.status]),
    [
      ['Install fragment-lint', false, 0],
      ['Check the fragment records', false, 0],
      ['Upload the problems to code scanning', true, null],
      ['Fail when fragment-lint found errors', false, 0],
    ],
    steps.map((s) => s.stderr).join('\n'),
  );
  assert.equal(steps[1].stdout.trim(), '');
  assert.deepEqual(outputs, { 'exit-code': '0', 'sarif-file': '' });
});

test('several paths, a schema and a warning limit reach fragment-lint as arguments, whatever characters they hold', () => {
  const workspace = checkout('options', false);
  // A team schema that requires a Partner field, in a folder whose name holds a space and a shell command.
  const schemaFolder = 'team $(touch pwned)';
  mkdirSync(join(workspace, schemaFolder));
  writeFileSync(join(workspace, schemaFolder, 'fragment.schema.json'), JSON.stringify({ extends: 'default', fields: [{ key: 'Partner', presence: 'required' }] }));
  writeFileSync(join(workspace, 'extra.fragment'), seed.replace(/^\*\*FragmentID\*\*: .*$/m, '**FragmentID**: SCC-2/PHR9'));
  const { steps, outputs } = runAction(workspace, {
    package: tarball,
    paths: 'records\n\nextra.fragment\n',
    schema: `${schemaFolder}/fragment.schema.json`,
    'max-warnings': '0',
  });
  assert.ok(!existsSync(join(workspace, 'pwned')), 'an input ran as shell code');
  const annotations = steps[1].stdout.trim().split('\n');
  assert.deepEqual(
    annotations.map((line) => /^::(\w+) file=([^,]+),.*title=fragments\(([\w-]+)\)::(.*)$/.exec(line)?.slice(1, 4)),
    [
      ['error', 'records/clean.fragment', 'missing-field'],
      ['error', 'extra.fragment', 'missing-field'],
    ],
    steps[1].stdout + steps[1].stderr,
  );
  for (const annotation of annotations) assert.match(annotation, /Partner/);
  assert.equal(outputs['exit-code'], '1');
  assert.equal(steps.at(-1)!.status, 1);
});

test('max-warnings: a warning fails the job only past the limit', () => {
  const workspace = checkout('warning', false);
  writeFileSync(join(workspace, 'records/clean.fragment'), `${seed.trimEnd()}\n**Remarks**: none\n`);
  const unlimited = runAction(workspace, { package: tarball, paths: 'records' });
  assert.match(unlimited.steps[1].stdout, /^::warning file=records\/clean\.fragment,.*title=fragments\(unknown-field\)::/m);
  assert.equal(unlimited.outputs['exit-code'], '0');
  const limited = runAction(workspace, { package: tarball, paths: 'records', 'max-warnings': '0' });
  assert.equal(limited.outputs['exit-code'], '1');
  assert.equal(limited.steps.at(-1)!.status, 1);
});

test('findings accepted in the repository\'s fragment-review.json pass the job, and a notice counts them', () => {
  const workspace = checkout('accepted', true);
  writeFileSync(
    join(workspace, 'fragment-review.json'),
    JSON.stringify({ accepted: [{ file: 'records/bad-year.fragment', line: 5, code: 'invalid-value', value: '20245', acceptedBy: 'Amal', reason: 'Year as exported.' }] }),
  );
  const { steps, outputs } = runAction(workspace, { package: tarball, paths: 'records', sarif: 'true' });
  assert.equal(outputs['exit-code'], '0', steps.map((s) => s.stdout + s.stderr).join('\n'));
  assert.equal(steps[1].stdout.trim(), '::notice title=fragment-lint::1 finding accepted in the review file, not shown.');
  const sarif = JSON.parse(readFileSync(outputs['sarif-file'], 'utf8'));
  assert.deepEqual(sarif.runs[0].results.map((r: { suppressions?: { status: string }[] }) => r.suppressions?.[0].status), ['accepted']);
  assert.equal(steps.at(-1)!.status, 0);
});
