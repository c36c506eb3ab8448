/** H5: start the browser's download of the one-hour link. */
export async function offerDownload(url: string, fileName: string): Promise<'downloaded' | 'copied' | 'unsupported'> {
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  return 'downloaded'
}
