import * as l10n from '@vscode/l10n';
import { valueRule } from './value-rule';

export const repeatedChoice = valueRule('repeated-choice', () => l10n.t("The same choice twice in a multi-choice field."));
