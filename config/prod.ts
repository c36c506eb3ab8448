/** Production overrides (default for `taro build`): minified, no source maps. https://docs.taro.zone/docs/config-detail */
import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
