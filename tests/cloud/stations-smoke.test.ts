import { startTestCloud } from '../helpers/local-cloud'
test('smoke', async () => {
  const cloud = await startTestCloud({ seed: 'demo', functionEnv: { STATION_CHECKIN_SECRET: 'test-secret-0123456789' } })
  try {
    const r = await cloud.call('stations', 'listStations', { location: { lat: 31.1168, lng: 121.5746 } }, { openid: 'o-demo-rider-zhang' })
    console.log(JSON.stringify(r).slice(0, 3000))
    const r2 = await cloud.call('stations', 'listStations', { service: 'ebike_charging', openNow: true }, { openid: 'o-demo-rider-zhang' })
    console.log(JSON.stringify(r2).slice(0, 600))
    const d = await cloud.call('stations', 'getStation', { stationId: 'st-wanda' }, { openid: 'o-demo-rider-zhang' })
    console.log(JSON.stringify(d).slice(0, 2000))
  } finally { await cloud.stop() }
})
