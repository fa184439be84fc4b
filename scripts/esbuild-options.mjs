// The esbuild options every bundle in dist/ is built with (scripts/build.mjs). The bench's core bundle uses them
// too, so that it measures code built as it ships.
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer ES module builds: jsonc-parser's UMD build loads its parts with require() calls esbuild cannot follow.
  mainFields: ['module', 'main'],
};
