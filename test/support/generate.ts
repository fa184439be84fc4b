/**
 * Realistic generated records for benchmarks and fuzzing: the fields of the default schema with values drawn from
 * its lists and from the seeds' kind of prose, seeded so that runs are repeatable.
 */
import { getDefaultSchema } from '../../server/src/core';

const PROSE = [
  'three separate groups of men in <LOC> initiated grassroots collaboration targeting other male community members',
  'In the second part of 2024, <person> led in <LOC> the building of a coalition of women and youth organisations',
  'the project supported these groups through a series of trainings, dialogue spaces and community engagement tools',
  'Engaging with the <redacted> committee could widen the space for CSOs to continue working on women’s rights',
  'Police in <LOC> district started referring survivors of domestic violence to the local crisis centre',
  'DRL provided funding to <person> to implement a project to empower women in NWS',
];

/** A small deterministic random generator (mulberry32), so generated corpora are the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

/** One valid record (as the default schema sees it) with ID number `n`. */
export function generateRecord(n: number, next: () => number = random(n)): string {
  const schema = getDefaultSchema();
  return schema.fields
    .map((field) => {
      let value: string;
      switch (field.kind) {
        case 'closed':
        case 'flag':
        case 'open':
          value = field.values.length && next() < 0.9 ? pick(next, field.values).value : '';
          if (field.presence === 'required' && !value) value = field.values[0]?.value ?? '';
          break;
        case 'multi':
          value = [...new Set([pick(next, field.values).value, pick(next, field.values).value])].join(', ');
          break;
        case 'year':
          value = String(2018 + Math.floor(next() * 8));
          break;
        case 'pattern':
          value = field.key === 'FragmentID' ? `SCC-<redacted>/PHR${String(n).padStart(5, '0')}` : `harvest ${1 + Math.floor(next() * 4)}`;
          break;
        default:
          value = field.presence === 'optional' && next() < 0.5 ? '' : Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, PROSE)).join('. ');
      }
      return `**${field.key}**: ${value}`;
    })
    .join('\n');
}

/** `count` records in one document. */
export function generateDocument(count: number, seed = 1): string {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => generateRecord(i, next)).join('\n');
}
