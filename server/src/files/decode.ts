import * as l10n from '@vscode/l10n';
/** Decoding the bytes of a text file, the same for every host. */
/** `bom`: the file started with a byte-order mark, which is not part of the text but is kept when writing back. */
export type DecodeResult = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

/** Decodes UTF-8, refusing binary and non-UTF-8 content with a reason instead of checking noise. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, reason: l10n.t('is a binary file (it holds NUL bytes), not a fragment') };
  try {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom };
  } catch {
    return { ok: false, reason: l10n.t('is not UTF-8 text; save it as UTF-8 and check it again') };
  }
}
