/**
 * Hand an exported file to the person. Platform files: offer-download.h5.ts (the browser downloads it),
 * offer-download.weapp.ts (the link is copied: CSV opens on a computer, not inside WeChat).
 */
export async function offerDownload(_url: string, _fileName: string): Promise<'downloaded' | 'copied' | 'unsupported'> {
  return 'unsupported'
}
