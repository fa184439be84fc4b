/**
 * Files, for the language server, fragment-lint and schema files alike: which files of a folder are fragment files
 * (discover.ts, on core/fragment-file.ts, through the host), decoding their text (decode.ts), and fragment-lint's
 * glob arguments (glob.ts). Reading from disk is the host's (host/node-read.ts in Node).
 */
export { findFragmentFiles, findFragmentFilesAsync, isInside, SKIPPED_FOLDER_NAMES, WATCHED_FRAGMENT_FILES, WATCHED_SCHEMA_FILES, type FindOptions, type FoundFiles, type SkippedFile } from './discover';
export { decodeText, type DecodeResult } from './decode';
