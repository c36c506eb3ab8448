/**
 * Child process for the durability test: opens the database file given in argv[2], then keeps
 * inserting through `handle` and prints the _id of every acknowledged write, until killed.
 */
import { openDatabase } from '../../../emulator/db'

const db = openDatabase({ file: process.argv[2], collections: { durable: { indexes: [] } } })
let i = 0
async function loop() {
  for (;;) {
    const id = `w${i++}`
    const res = (await db.handle({
      action: 'database.insertDocument',
      collectionName: 'durable',
      data: [JSON.stringify({ _id: id, i, at: { $date: { $numberLong: String(Date.now()) } } })],
    })) as { code?: string }
    if (res.code) throw new Error(JSON.stringify(res))
    process.stdout.write(`${id}\n`)
  }
}
void loop()
