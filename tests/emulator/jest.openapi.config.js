/** Storage + openapi emulator tests (self-contained; to be merged into the root config). */
const path = require('node:path')

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/emulator/storage*.test.ts', '<rootDir>/tests/emulator/openapi*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        // type checking is `tsc --noEmit`'s job; jest only needs CommonJS output
        tsconfig: {
          isolatedModules: true,
          module: 'commonjs',
          moduleResolution: 'node',
          esModuleInterop: true,
          resolveJsonModule: true,
          target: 'es2020',
        },
      },
    ],
  },
  cacheDirectory: path.resolve(__dirname, '../../node_modules/.cache/jest-openapi'),
  testTimeout: 20000,
}
