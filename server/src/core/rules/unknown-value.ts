import * as l10n from '@vscode/l10n';
import { valueRule } from './value-rule';

export const unknownValue = valueRule('unknown-value', () => l10n.t("A value outside an open list: shown for a look, with a did-you-mean when one is close."));
