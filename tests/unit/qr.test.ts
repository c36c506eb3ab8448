/**
 * The invite QR encoder (src/utils/qr.ts; shared by the invite QR and the printable station check-in code), checked against published vectors (Reed–Solomon,
 * format and version information) and by decoding what it draws with an independent reader
 * written here: fixed patterns in place, format/version bits valid, every block's Reed–Solomon
 * syndromes zero, and the byte-mode payload reads back as the text.
 */
import { encodeQr, formatBits, reedSolomon, versionBits, versionFor } from '../../src/utils/qr'

// ---- a small reader ----------------------------------------------------------------------------
const BLOCKS_M = [
  [10, 1, 16, 0, 0],
  [16, 1, 28, 0, 0],
  [26, 1, 44, 0, 0],
  [18, 2, 32, 0, 0],
  [24, 2, 43, 0, 0],
  [16, 4, 27, 0, 0],
  [18, 4, 31, 0, 0],
  [22, 2, 38, 2, 39],
  [22, 3, 36, 2, 37],
  [26, 4, 43, 1, 44],
]
const ALIGN_STEP: Record<number, number[]> = {
  2: [6, 18],
  3: [6, 22],
  4: [6, 26],
  5: [6, 30],
  6: [6, 34],
  7: [6, 22, 38],
  8: [6, 24, 42],
  9: [6, 26, 46],
  10: [6, 28, 50],
}

const exp: number[] = []
const log: number[] = []
for (let i = 0, x = 1; i < 255; i++, x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)) {
  exp[i] = x
  log[x] = i
}
const gmul = (a: number, b: number) => (a && b ? exp[(log[a] + log[b]) % 255] : 0)
/** codeword polynomial (highest degree first) evaluated at α^i */
const syndrome = (cw: number[], i: number) => cw.reduce((acc, c) => gmul(acc, exp[i]) ^ c, 0)

function bitsAt(m: boolean[][], cells: [number, number][]): number {
  return cells.reduce((acc, [r, c], i) => acc | ((m[r][c] ? 1 : 0) << i), 0)
}

function read(m: boolean[][]) {
  const size = m.length
  const version = (size - 17) / 4
  expect(Number.isInteger(version) && version >= 1 && version <= 10).toBe(true)
  // finder patterns and separators
  for (const [fr, fc] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ])
    for (let r = 0; r < 7; r++)
      for (let c = 0; c < 7; c++) {
        const d = Math.max(Math.abs(r - 3), Math.abs(c - 3))
        expect(m[fr + r][fc + c]).toBe(d !== 2)
      }
  for (let i = 0; i < 8; i++) expect([m[7][i], m[i][7], m[7][size - 1 - i], m[size - 8][i]]).toEqual([false, false, false, false])
  // timing patterns
  for (let i = 8; i < size - 8; i++) expect([m[6][i], m[i][6]]).toEqual([i % 2 === 0, i % 2 === 0])
  expect(m[size - 8][8]).toBe(true) // the dark module

  // format information: both copies equal and a valid codeword for level M
  const first: [number, number][] = [0, 1, 2, 3, 4, 5, 7, 8].map((r) => [r, 8] as [number, number])
  first.push([8, 7], [8, 5], [8, 4], [8, 3], [8, 2], [8, 1], [8, 0])
  const second: [number, number][] = []
  for (let i = 0; i < 8; i++) second.push([8, size - 1 - i])
  for (let i = 8; i < 15; i++) second.push([size - 15 + i, 8])
  const f1 = bitsAt(m, first)
  expect(bitsAt(m, second)).toBe(f1)
  const raw = f1 ^ 0x5412
  expect(raw >> 13).toBe(0) // level M = 00
  const mask = (raw >> 10) & 7
  expect(formatBits(mask)).toBe(f1)

  // version information (7+): both blocks, BCH-valid
  if (version >= 7) {
    const a: [number, number][] = []
    const b: [number, number][] = []
    for (let i = 0; i < 18; i++) {
      a.push([Math.floor(i / 3), size - 11 + (i % 3)])
      b.push([size - 11 + (i % 3), Math.floor(i / 3)])
    }
    expect(bitsAt(m, a)).toBe(versionBits(version))
    expect(bitsAt(m, b)).toBe(versionBits(version))
    expect(versionBits(version) >> 12).toBe(version)
  }

  // which modules carry data
  const fn = Array.from({ length: size }, () => new Array(size).fill(false))
  const mark = (r0: number, c0: number, h: number, w: number) => {
    for (let r = Math.max(0, r0); r < Math.min(size, r0 + h); r++)
      for (let c = Math.max(0, c0); c < Math.min(size, c0 + w); c++) fn[r][c] = true
  }
  mark(0, 0, 9, 9)
  mark(0, size - 8, 9, 8)
  mark(size - 8, 0, 8, 9)
  mark(6, 0, 1, size)
  mark(0, 6, size, 1)
  const centres = ALIGN_STEP[version] ?? []
  for (const r of centres)
    for (const c of centres) {
      const onFinder = (r === 6 && c === 6) || (r === 6 && c === size - 7) || (r === size - 7 && c === 6)
      if (!onFinder) mark(r - 2, c - 2, 5, 5)
    }
  if (version >= 7) {
    mark(0, size - 11, 6, 3)
    mark(size - 11, 0, 3, 6)
  }
  const masks = [
    (r: number, c: number) => (r + c) % 2 === 0,
    (r: number) => r % 2 === 0,
    (_r: number, c: number) => c % 3 === 0,
    (r: number, c: number) => (r + c) % 3 === 0,
    (r: number, c: number) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
    (r: number, c: number) => ((r * c) % 2) + ((r * c) % 3) === 0,
    (r: number, c: number) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
    (r: number, c: number) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
  ]
  // read the zigzag: upward from the bottom-right, two columns at a time, skipping column 6
  const bits: number[] = []
  let upward = true
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right--
    for (let k = 0; k < size; k++) {
      const r = upward ? size - 1 - k : k
      for (const c of [right, right - 1]) if (!fn[r][c]) bits.push(m[r][c] !== masks[mask](r, c) ? 1 : 0)
    }
    upward = !upward
  }
  const [ec, n1, d1, n2, d2] = BLOCKS_M[version - 1]
  const total = n1 * d1 + n2 * d2 + (n1 + n2) * ec
  expect(Math.floor(bits.length / 8)).toBe(total)
  const words: number[] = []
  for (let i = 0; i < total; i++) words.push(bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0))
  // de-interleave and check every block's syndromes
  const lens = Array.from({ length: n1 + n2 }, (_, b) => (b < n1 ? d1 : d2))
  const blocks: number[][] = lens.map(() => [])
  let at = 0
  for (let i = 0; i < Math.max(d1, d2); i++) for (const [b, len] of lens.entries()) if (i < len) blocks[b].push(words[at++])
  const data = blocks.flatMap((b) => [...b])
  for (let i = 0; i < ec; i++) for (const b of blocks) b.push(words[at++])
  for (const b of blocks) for (let i = 0; i < ec; i++) expect(syndrome(b, i)).toBe(0)
  // payload: mode 0100 (byte), count, bytes, terminator, pads EC 11
  const stream = data.flatMap((w) => Array.from({ length: 8 }, (_, i) => (w >> (7 - i)) & 1))
  const take = (n: number) => stream.splice(0, n).reduce((a, b) => (a << 1) | b, 0)
  expect(take(4)).toBe(0b0100)
  const count = take(version < 10 ? 8 : 16)
  const payload = Array.from({ length: count }, () => take(8))
  const rest = stream.splice(0, Math.min(4, stream.length))
  expect(rest.every((b) => b === 0)).toBe(true)
  while (stream.length % 8) expect(stream.shift()).toBe(0)
  const pads = Array.from({ length: stream.length / 8 }, () => take(8))
  expect(pads).toEqual(pads.map((_p, i) => (i % 2 ? 0x11 : 0xec)))
  return { version, mask, text: Buffer.from(payload).toString('utf8') }
}

// ---- published vectors ---------------------------------------------------------------------------
test('Reed–Solomon: the 1-M "HELLO WORLD" codewords give the published EC codewords', () => {
  const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
  expect(reedSolomon(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
})

test('format and version information match the tables of the standard', () => {
  expect(formatBits(0).toString(2).padStart(15, '0')).toBe('101010000010010') // M, mask 0
  expect(formatBits(5).toString(2).padStart(15, '0')).toBe('100000011001110') // M, mask 5
  expect(formatBits(7).toString(2).padStart(15, '0')).toBe('100101010100000') // M, mask 7
  expect(versionBits(7).toString(2).padStart(18, '0')).toBe('000111110010010100')
  expect(versionBits(10).toString(2).padStart(18, '0')).toBe('001010010011010011')
})

test('capacity at level M in byte mode: 14 bytes in version 1, 213 in version 10', () => {
  expect([versionFor(14), versionFor(15), versionFor(26), versionFor(27), versionFor(62), versionFor(213), versionFor(214)]).toEqual([
    1, 2, 2, 3, 4, 10, 0,
  ])
  expect(() => encodeQr('x'.repeat(214))).toThrow(RangeError)
})

// ---- encode, then read back ----------------------------------------------------------------------
const INVITE = 'https://xgzj.example.cn/join?t=Zq3o9kM1Wc7yPpL2rT8vXbN4dF6hJ0sA'
test.each([
  ['a short string', 'HELLO', 1],
  ['the invite link', INVITE, 5],
  ['a 62-byte link, the most version 4 holds', INVITE.slice(0, 62), 4],
  ['Chinese (UTF-8)', '小哥之家：周浦万达骑手之家群', 3],
  ['a version 7 text (version info blocks)', 'v'.repeat(120), 7],
  ['the largest, version 10', `${INVITE}&`.repeat(4).slice(0, 213), 10],
])('%s: a valid symbol that reads back', (_name, text, version) => {
  const m = encodeQr(text)
  expect(m).toHaveLength(17 + 4 * version)
  const got = read(m)
  expect(got).toMatchObject({ version, text })
})

test('every mask pattern gives a valid symbol; the automatic choice is one of them', () => {
  for (let k = 0; k < 8; k++)
    expect(read(encodeQr('pkg-me/join/index?t=abc', k))).toMatchObject({ mask: k, text: 'pkg-me/join/index?t=abc' })
  expect(read(encodeQr('pkg-me/join/index?t=abc')).mask).toBeGreaterThanOrEqual(0)
})

// ---- and a real reader (Debian's zbar-tools; .ci/run installs it) --------------------------------
const zbar = ['/usr/bin/zbarimg', '/usr/local/bin/zbarimg'].find((p) => require('node:fs').existsSync(p))
test('ZBar reads the drawn symbols (quiet zone of 4, 8 px per module)', () => {
  if (!zbar) throw new Error('zbarimg not found: apt-get install -y zbar-tools (.ci/run does this)')
  const { mkdtempSync, writeFileSync } = require('node:fs') as typeof import('node:fs')
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process')
  const dir = mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'qr-'))
  for (const [i, text] of [INVITE, '小哥之家：周浦万达骑手之家群', 'v'.repeat(120), `${INVITE}&`.repeat(4).slice(0, 213)].entries()) {
    const m = encodeQr(text)
    const s = 8
    const size = (m.length + 8) * s
    const px = Buffer.alloc(size * size, 255)
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const r = Math.floor(y / s) - 4
        const c = Math.floor(x / s) - 4
        if (m[r]?.[c]) px[y * size + x] = 0
      }
    const file = `${dir}/${i}.pgm`
    writeFileSync(file, Buffer.concat([Buffer.from(`P5 ${size} ${size} 255\n`), px]))
    const out = spawnSync(zbar as string, ['-q', '--raw', file], {
      encoding: 'utf8',
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: '' },
    })
    expect(out.stdout.replace(/\n$/, '')).toBe(text)
  }
})
