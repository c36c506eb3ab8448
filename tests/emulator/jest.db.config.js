/** Database emulator conformance tests (self-contained; the root config's "emulator" project also runs them). */
const path = require('node:path')

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/emulator/db-*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true, target: 'es2021', isolatedModules: true, ignoreDeprecations: '5.0' },
      },
    ],
  },
  cacheDirectory: path.resolve(__dirname, '../../node_modules/.cache/jest-db'),
  testTimeout: 30000,
}
