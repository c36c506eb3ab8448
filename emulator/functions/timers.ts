/**
 * Timer triggers from each function's config.json (`{"name","type":"timer","config":"<7-field cron>"}`),
 * run on their schedule in Asia/Shanghai (WeChat's cron has a year field; croner takes six), and on
 * demand (`runTrigger`) with the platform's timer event and SOURCE wx_trigger (no user).
 */
import { Cron } from 'croner'
import { type FunctionRunner, type InvokeResult, newRequestId } from './runner'

export function runTrigger(runner: FunctionRunner, fn: string, triggerName: string): Promise<InvokeResult> {
  const trigger = runner.config(fn).triggers?.find((t) => t.name === triggerName)
  if (!trigger)
    return Promise.resolve({
      ok: false,
      errCode: -501000,
      errMsg: `no trigger ${triggerName} on ${fn}`,
      requestId: newRequestId(),
      durationMs: 0,
    })
  const event = { Type: 'Timer', TriggerName: trigger.name, Time: new Date().toISOString(), Message: '' }
  return runner.invoke(fn, event, { openid: '', appid: '', source: 'wx_trigger' })
}

/** Schedules every timer trigger; returns a function that stops them. */
export function scheduleTimers(runner: FunctionRunner, log: (msg: string) => void): () => void {
  const crons: Cron[] = []
  for (const fn of runner.list()) {
    for (const t of runner.config(fn).triggers ?? []) {
      if (t.type !== 'timer') continue
      const fields = t.config.trim().split(/\s+/)
      const six = fields.length === 7 ? fields.slice(0, 6).join(' ') : t.config
      try {
        crons.push(new Cron(six, { timezone: 'Asia/Shanghai', protect: true }, () => void runTrigger(runner, fn, t.name)))
      } catch (e) {
        log(`timer ${fn}/${t.name} has an invalid cron "${t.config}": ${(e as Error).message}`)
      }
    }
  }
  return () => {
    for (const c of crons) c.stop()
  }
}
