module.exports = async () => {
  const proc = globalThis.__xgComponentsCloud
  if (proc && proc.exitCode === null) {
    await new Promise((resolve) => {
      proc.once('exit', resolve)
      proc.kill('SIGTERM')
    })
  }
}
