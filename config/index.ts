/**
 * Taro build config for 小哥之家 (weapp + h5 from one src/).
 * Docs: https://docs.taro.zone/docs/config-detail  ·  https://docs.taro.zone/docs/next/config#defineconfig-辅助函数
 *
 * Offline by design: every build runs `taro build --type <t> --no-check` (no schema download,
 * no ~/.taro4.0 writes, see /work/shared/design/TOOLCHAIN.md). Each target cleans its own
 * output root, so weapp and h5 live side by side under dist/.
 */
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')
const target = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xiaoge-home',
    date: '2026-11-26',
    // Sizes in scss are written against a 750-wide design: 32px → 32rpx on weapp
    // (= 16 CSS px on a 375-wide phone) and the matching rem on h5.
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // XG_DIST lets parallel work build into its own folder (default dist/).
    outputRoot: `${process.env.XG_DIST ?? 'dist'}/${target}`,
    plugins: [],
    defineConstants: {},
    alias: {
      '@': path.resolve(root, 'src'),
      // Client code only ever does `import type` from here (erased by babel), so no
      // server code — and no zod — reaches a client bundle. The build verifies it.
      '@cloud': path.resolve(root, 'cloudfunctions'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Shared components are imported by pages in different orders; their classes never overlap
      // (BEM names per component), so the extract plugin's order warnings are noise.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      devServer: { host: '127.0.0.1', port: 10086 },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // The H5 build is the local preview / e2e target (served from 127.0.0.1), not a public
      // site: webpack's 244 KiB web-performance hint does not apply. The weapp budget lives in bench/.
      webpackChain(chain) {
        chain.performance.hints(false)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
