/// <reference types="@tarojs/taro" />
/**
 * Globals of the Taro build: asset/style modules, process.env constants injected by
 * webpack's DefinePlugin (TARO_ENV, TARO_APP_* from .env files) and Taro runtime flags.
 */

declare module '*.png' {
  const src: string
  export default src
}
declare module '*.jpg' {
  const src: string
  export default src
}
declare module '*.svg' {
  const src: string
  export default src
}
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform of the current build (optional: server code shares this tsconfig). */
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** WeChat AppID override (see .env); project.config.json keeps `touristappid`. */
    TARO_APP_ID?: string
    /** The WeChat Cloud environment id: set in .env only, read by src/config/cloud.ts. */
    TARO_APP_CLOUD_ENV?: string
  }
}

/** Taro runtime feature flags (defined by the build; declared for tests and type checks). */
declare const ENABLE_INNER_HTML: boolean
declare const ENABLE_ADJACENT_HTML: boolean
declare const ENABLE_SIZE_APIS: boolean
declare const ENABLE_TEMPLATE_CONTENT: boolean
declare const ENABLE_MUTATION_OBSERVER: boolean
declare const ENABLE_CLONE_NODE: boolean
declare const ENABLE_CONTAINS: boolean
declare const DEPRECATED_ADAPTER_COMPONENT: boolean
