const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** Jest settings every project shares: TypeScript through SWC, with decorator metadata for Nest. */
const swcJestTransform = {
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            react: { runtime: 'automatic' },
          },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Packages that ship only ES modules, which Node loads natively but Jest must compile.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|@scure/base|@noble/hashes)/)'],
  moduleNameMapper: {
    '^@ivks/([a-z-]+)$': path.join(root, 'libs/$1/src/index.ts'),
  },
};

module.exports = { swcJestTransform, root };
