/**
 * One jest run, five layers (README "What each test layer checks"):
 *   unit       pure logic (time, router helpers)                      node
 *   emulator   the local cloud through the real wx-server-sdk         node
 *   cloud      each cloud function through the gateway + local cloud  node
 *   components built weapp pages in miniprogram-simulate / React tests jsdom
 *   e2e        the H5 build in Debian's Chromium (playwright-core)    node
 */
const path = require('node:path')

const tsTransform = {
  '^.+\\.(t|j)sx?$': [
    'ts-jest',
    {
      diagnostics: false,
      tsconfig: {
        module: 'commonjs',
        moduleResolution: 'node10',
        target: 'es2021',
        jsx: 'react-jsx',
        esModuleInterop: true,
        allowJs: true,
        isolatedModules: true,
        ignoreDeprecations: '5.0',
      },
    },
  ],
}

const base = (name, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: tsTransform,
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@cloud/(.*)$': '<rootDir>/cloudfunctions/$1',
  },
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  cacheDirectory: path.join(__dirname, '.jest-cache', name),
  ...extra,
})

module.exports = {
  testTimeout: 30000,
  projects: [
    base('unit'),
    base('emulator', { testTimeout: 60000 }),
    base('cloud', { globalSetup: '<rootDir>/tests/helpers/build-functions.js' }),
    base('components', {
      testMatch: ['<rootDir>/tests/components/**/*.test.{ts,tsx}'],
      globalSetup: '<rootDir>/tests/components/global-cloud.js',
      globalTeardown: '<rootDir>/tests/components/global-cloud-teardown.js',
    }),
    base('e2e'),
  ],
}
