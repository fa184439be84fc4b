import * as l10n from '@vscode/l10n';
import { valueRule } from './value-rule';

export const invalidValue = valueRule('invalid-value', () => l10n.t("A value that breaks the field's rule: not in a closed list, not a year, not the expected shape."));
