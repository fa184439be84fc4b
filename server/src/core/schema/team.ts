/** Team schemas: everything about `fragment.schema.json` files, pure (no file access), in one import. */
export * from './discover';
export * from './infer';
export * from './load';
export * from './extend';
export * from './templates';
export * from './write';
export { SCHEMA_DIAGNOSTIC_SOURCE } from './check-shape';
