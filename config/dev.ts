/** Development overrides (`NODE_ENV=development`, e.g. `taro build --watch`). https://docs.taro.zone/docs/config-detail */
import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
