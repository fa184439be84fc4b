import * as l10n from '@vscode/l10n';
import { valueRule } from './value-rule';

export const valueCase = valueRule('value-case', () => l10n.t("An allowed value written with other capitals (yes for YES, GREAT for great)."));
