/** "Convert to fragment": an unstructured story becomes a record whose description is the whole story. */
import { fieldLine } from '../grammar';
import type { FieldSpec, Schema } from '../schema/model';
import { emptyFieldLine, lineEnding } from './shared';

/** The field that receives the story: the schema's story role, else the first required free-text field. */
function storyField(schema: Schema): FieldSpec | undefined {
  return (
    schema.storyField ??
    schema.fields.find((f) => f.kind === 'text' && f.presence === 'required') ??
    schema.fields.find((f) => f.kind === 'text')
  );
}

/**
 * The record text: every schema field in order, empty, with the story as the description's value. The story is
 * kept character for character; only blank lines before it and white space after it are left out.
 */
export function convertStory(text: string, schema: Schema): string | undefined {
  const target = storyField(schema);
  if (!target) return undefined;
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const story = text.slice(bom.length).replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '').trimEnd();
  const eol = lineEnding(text);
  const lines = schema.fields.map((spec) => (spec === target ? fieldLine(spec.key, story) : emptyFieldLine(spec.key)));
  const endsWithBreak = /(?:\r\n|\r|\n)$/.test(text);
  return bom + lines.join(eol) + (endsWithBreak ? eol : '');
}
