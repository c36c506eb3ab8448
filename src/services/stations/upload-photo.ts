/** Other platforms: no photo upload (the report is sent without one). */
export async function uploadPhoto(_localPath: string): Promise<string | null> {
  return null
}
