module.exports = async () => {
  await globalThis.__xgComponentsCloudStop?.()
}
