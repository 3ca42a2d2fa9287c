/**
 * Starts the worker from its TypeScript sources in a process of its own, so that a spec can kill
 * it with SIGKILL. Run with `node --conditions=@ivks/source` so that @ivks/* resolve to sources.
 */
const path = require('node:path');
const { addHook } = require('pirates');
const { transformSync } = require('@swc/core');

addHook(
  (code, filename) =>
    transformSync(code, {
      filename,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    }).code,
  { exts: ['.ts'], ignoreNodeModules: true },
);

require(path.resolve(__dirname, '../../../apps/worker/src/main.ts'));
