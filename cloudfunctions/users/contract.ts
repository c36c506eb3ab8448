/** Contract of the `users` function (issue "Who is who"). Filled in by that work. */
// biome-ignore lint/complexity/noBannedTypes: no actions yet
export type UsersApi = {}
