/** Contract of the `stations` function (issue "Service stations"). Filled in by that work. */
// biome-ignore lint/complexity/noBannedTypes: no actions yet
export type StationsApi = {}
