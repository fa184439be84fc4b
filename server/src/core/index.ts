/** The fragment core: parser, schema and rules. No LSP transport and no `vscode` here; LSP types only. */
export { MAX_DIAGNOSTICS } from './cap';
export { isConfidential } from './confidential';
export * from './diagnostic';
export * from './diagnostic-codes';
export { ruleDocsHref } from './diagnostic-docs';
export * from './limits';
export * from './parser';
export * from './schema/compile';
export * from './schema/model';
export * from './suggest';
export * from './validate';
export { FORM_RULES, QUALITY_RULES, RULES } from './rules';
export type { Rule, RuleContext } from './rules/rule';
export * from './workspace/duplicate-ids';
export * from './workspace/merge';
export * from './record-checks';
export * from './review';
export * from './records-sheet';
