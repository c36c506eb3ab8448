/** h5 (local preview, e2e): the browser's geolocation, rounded to ~1 km like a fuzzy location. */
export interface LatLng {
  lat: number
  lng: number
}

export function fuzzyLocation(): Promise<LatLng | null> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return resolve(null)
    const timer = setTimeout(() => resolve(null), 4000)
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer)
        resolve({ lat: Math.round(p.coords.latitude * 100) / 100, lng: Math.round(p.coords.longitude * 100) / 100 })
      },
      () => {
        clearTimeout(timer)
        resolve(null)
      },
      { enableHighAccuracy: false, timeout: 3500, maximumAge: 600_000 },
    )
  })
}
