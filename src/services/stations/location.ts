/**
 * The rider's fuzzy location, or null when refused/unavailable (the list then sorts from the
 * town centre and says so). Platform files: location.weapp.ts (wx.getFuzzyLocation, declared in
 * app.config `requiredPrivateInfos`), location.h5.ts (navigator.geolocation).
 */
export interface LatLng {
  lat: number
  lng: number
}

export async function fuzzyLocation(): Promise<LatLng | null> {
  return null
}
