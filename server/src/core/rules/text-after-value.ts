import * as l10n from '@vscode/l10n';
import { valueRule } from './value-rule';

export const textAfterValue = valueRule('text-after-value', () => l10n.t('Text on the lines after the value of a one-value field (a list, a flag, a year): it is not part of the answer.'));
