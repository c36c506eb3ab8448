/**
 * A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1–10
 * (up to 213 bytes) — enough for an invite link. Pure TypeScript, no dependencies, so the invite
 * QR is drawn on the phone without a network call. Returns the module matrix (true = dark),
 * without the quiet zone (leave 4 modules of white around it when drawing).
 */

/** Per version 1–10 at level M: [EC codewords per block, blocks in group 1, data codewords each, blocks in group 2, data each]. */
const BLOCKS_M: readonly (readonly number[])[] = [
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
/** Alignment pattern centres per version (1 has none). */
const ALIGN: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
]
export const QR_MAX_VERSION = BLOCKS_M.length

// ---- GF(256), polynomial 0x11D, and Reed–Solomon ----------------------------------------------
const EXP: number[] = []
const LOG: number[] = []
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x
  LOG[x] = i
  x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)
}
const mul = (a: number, b: number) => (a && b ? EXP[(LOG[a] + LOG[b]) % 255] : 0)

/** The `ecLen` error correction codewords of `data` (remainder of data·x^ecLen by the generator). */
export function reedSolomon(data: readonly number[], ecLen: number): number[] {
  // generator = Π (x − α^i), i < ecLen; coefficients highest degree first, leading 1 dropped
  let gen = [1]
  for (let i = 0; i < ecLen; i++) {
    const next = new Array(gen.length + 1).fill(0)
    for (let j = 0; j < gen.length; j++) {
      next[j] ^= gen[j]
      next[j + 1] ^= mul(gen[j], EXP[i])
    }
    gen = next
  }
  const rem = new Array(ecLen).fill(0)
  for (const b of data) {
    const factor = b ^ (rem.shift() as number)
    rem.push(0)
    for (let j = 0; j < ecLen; j++) rem[j] ^= mul(gen[j + 1], factor)
  }
  return rem
}

/** 15-bit format information for level M (bits 00) and a mask, BCH-coded and XOR-ed with 0x5412. */
export function formatBits(mask: number): number {
  const data = mask // level M = 00
  let rem = data
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
  return ((data << 10) | rem) ^ 0x5412
}

/** 18-bit version information (versions ≥ 7). */
export function versionBits(version: number): number {
  let rem = version
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25)
  return (version << 12) | rem
}

function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0) as number
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
]

/** Data + EC codewords of `bytes` in `version`, interleaved as placed in the symbol. */
function codewords(bytes: number[], version: number): number[] {
  const [ec, n1, d1, n2, d2] = BLOCKS_M[version - 1]
  const capacity = n1 * d1 + n2 * d2
  const bits: number[] = []
  const put = (v: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits.push((v >>> i) & 1)
  }
  put(0b0100, 4)
  put(bytes.length, version < 10 ? 8 : 16)
  for (const b of bytes) put(b, 8)
  put(0, Math.min(4, capacity * 8 - bits.length))
  while (bits.length % 8) bits.push(0)
  const data: number[] = []
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0))
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad)

  const blocks: number[][] = []
  for (let b = 0, at = 0; b < n1 + n2; b++) {
    const len = b < n1 ? d1 : d2
    blocks.push(data.slice(at, at + len))
    at += len
  }
  const ecc = blocks.map((blk) => reedSolomon(blk, ec))
  const out: number[] = []
  for (let i = 0; i < Math.max(d1, d2); i++) for (const blk of blocks) if (i < blk.length) out.push(blk[i])
  for (let i = 0; i < ec; i++) for (const e of ecc) out.push(e[i])
  return out
}

/** Smallest version (1–10) holding `n` bytes at level M, or 0 when too long. */
export function versionFor(n: number): number {
  for (let v = 1; v <= QR_MAX_VERSION; v++) {
    const [, n1, d1, n2, d2] = BLOCKS_M[v - 1]
    if (4 + (v < 10 ? 8 : 16) + 8 * n <= (n1 * d1 + n2 * d2) * 8) return v
  }
  return 0
}

/** Penalty score of a finished matrix (the four rules of the standard); the lowest mask wins. */
function penalty(m: boolean[][]): number {
  const size = m.length
  let score = 0
  const lines: boolean[][] = []
  for (let i = 0; i < size; i++) {
    lines.push(m[i])
    lines.push(m.map((row) => row[i]))
  }
  for (const line of lines) {
    let run = 1
    for (let i = 1; i <= size; i++) {
      if (i < size && line[i] === line[i - 1]) run++
      else {
        if (run >= 5) score += run - 2
        run = 1
      }
    }
    // 1:1:3:1:1 finder-like pattern with 4 light modules on one side
    const s = line.map((d) => (d ? '1' : '0')).join('')
    for (const p of ['10111010000', '00001011101']) for (let i = s.indexOf(p); i >= 0; i = s.indexOf(p, i + 1)) score += 40
  }
  let dark = 0
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      if (m[r][c]) dark++
      if (r < size - 1 && c < size - 1 && m[r][c] === m[r][c + 1] && m[r][c] === m[r + 1][c] && m[r][c] === m[r + 1][c + 1]) score += 3
    }
  return score + Math.floor(Math.abs((dark * 20) / (size * size) - 10)) * 10
}

/** The matrix being built: `fixed` marks function modules (finders, timing, format…) that data and masks skip. */
interface Grid {
  size: number
  m: boolean[][]
  fixed: boolean[][]
  set(r: number, c: number, dark: boolean): void
}

function newGrid(size: number): Grid {
  const m: boolean[][] = Array.from({ length: size }, () => new Array(size).fill(false))
  const fixed: boolean[][] = Array.from({ length: size }, () => new Array(size).fill(false))
  return {
    size,
    m,
    fixed,
    set(r, c, dark) {
      m[r][c] = dark
      fixed[r][c] = true
    },
  }
}

/** Finder patterns with their separators, timing patterns, alignment patterns, version information. */
function placeFunctionPatterns(g: Grid, version: number): void {
  const { size, set } = g
  for (const [fr, fc] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ])
    for (let r = -1; r <= 7; r++)
      for (let c = -1; c <= 7; c++) {
        const rr = fr + r
        const cc = fc + c
        if (rr < 0 || cc < 0 || rr >= size || cc >= size) continue
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3))
        set(rr, cc, ring !== 2 && ring !== 4)
      }
  for (let i = 8; i < size - 8; i++) {
    set(6, i, i % 2 === 0)
    set(i, 6, i % 2 === 0)
  }
  // alignment patterns (not over the finders)
  const centres = ALIGN[version - 1]
  for (const r of centres)
    for (const c of centres) {
      if ((r === 6 && c === 6) || (r === 6 && c === size - 7) || (r === size - 7 && c === 6)) continue
      for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1)
    }
  if (version >= 7) {
    const bits = versionBits(version)
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1
      const a = size - 11 + (i % 3)
      const b = Math.floor(i / 3)
      set(b, a, dark)
      set(a, b, dark)
    }
  }
}

/** The format information of mask `k` (both copies) and the dark module. */
function writeFormat(g: Grid, k: number): void {
  const { size, set } = g
  const bits = formatBits(k)
  const bit = (i: number) => ((bits >>> i) & 1) === 1
  for (let i = 0; i <= 5; i++) set(i, 8, bit(i))
  set(7, 8, bit(6))
  set(8, 8, bit(7))
  set(8, 7, bit(8))
  for (let i = 9; i < 15; i++) set(8, 14 - i, bit(i))
  for (let i = 0; i < 8; i++) set(8, size - 1 - i, bit(i))
  for (let i = 8; i < 15; i++) set(size - 15 + i, 8, bit(i))
  set(size - 8, 8, true)
}

/** The data bits in the zigzag order: column pairs from the right, skipping the vertical timing column. */
function placeData(g: Grid, words: number[]): void {
  const { size, m, fixed } = g
  let i = 0
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    const upward = ((right + 1) & 2) === 0
    for (let v = 0; v < size; v++) {
      const r = upward ? size - 1 - v : v
      for (let j = 0; j < 2; j++) {
        const c = right - j
        if (fixed[r][c]) continue
        m[r][c] = i < words.length * 8 && ((words[i >>> 3] >>> (7 - (i & 7))) & 1) === 1
        i++
      }
    }
  }
}

/** XOR mask `k` over the data modules and write its format (applying it twice undoes it). */
function applyMask(g: Grid, k: number): void {
  for (let r = 0; r < g.size; r++) for (let c = 0; c < g.size; c++) if (!g.fixed[r][c] && MASKS[k](r, c)) g.m[r][c] = !g.m[r][c]
  writeFormat(g, k)
}

/** The mask with the lowest penalty score. */
function bestMask(g: Grid): number {
  let chosen = 0
  let best = Number.POSITIVE_INFINITY
  for (let k = 0; k < 8; k++) {
    applyMask(g, k)
    const p = penalty(g.m)
    if (p < best) {
      best = p
      chosen = k
    }
    applyMask(g, k)
  }
  return chosen
}

/**
 * The QR matrix of `text` (UTF-8, byte mode, level M). `mask` forces a mask pattern (tests);
 * otherwise the one with the lowest penalty is used. Throws RangeError when the text is too long.
 */
export function encodeQr(text: string, mask?: number): boolean[][] {
  const bytes = utf8(text)
  const version = versionFor(bytes.length)
  if (!version) throw new RangeError('二维码内容太长')
  const g = newGrid(17 + 4 * version)
  placeFunctionPatterns(g, version)
  writeFormat(g, 0) // reserves the format areas; rewritten per mask
  placeData(g, codewords(bytes, version))
  applyMask(g, mask ?? bestMask(g))
  return g.m
}
