/**
 * The CloudBase storage custom security rule (云存储安全规则, docs.cloudbase.net/storage/security-rules;
 * WeChat: 云开发 → 存储 → 权限设置 → 自定义安全规则): `{"read": <bool | expression>, "write": <…>}`,
 * a missing key denies. Expressions are the documented subset of JavaScript: the variables
 * `auth` (`openid`, `uid`, `loginType`; null when not logged in) and `resource` (`openid` = the
 * file's owner, `path` = its cloud path), string / number / true / false / null literals,
 * `==` `!=` `===` `!==` `&&` `||` `!`, parentheses, and regular-expression literals with `.test(x)`
 * (the documentation asks to compare the result explicitly: `/^a\//.test(resource.path) == true`).
 * Anything else is a syntax error, and a rule that fails to evaluate denies.
 */

export type RuleValue = string | number | boolean | null | undefined | RegExp | Record<string, unknown>
export interface RuleContext {
  auth: { openid?: string; uid?: string; loginType?: string } | null
  resource: { openid: string | null; path: string }
}

type Node =
  | { k: 'lit'; v: RuleValue }
  | { k: 'var'; path: string[] }
  | { k: 'not'; e: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'test'; re: RegExp; arg: Node }

const TOKEN = /\s*(?:(===|!==|==|!=|&&|\|\||[!().])|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*)|(\/))/y

class Parser {
  private pos = 0
  constructor(private src: string) {}

  parse(): Node {
    const n = this.or()
    if (this.src.slice(this.pos).trim()) throw new SyntaxError(`unexpected "${this.src.slice(this.pos).trim()}"`)
    return n
  }

  private peek(): string | null {
    TOKEN.lastIndex = this.pos
    const m = TOKEN.exec(this.src)
    return m ? (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]) : null
  }

  private take(expected?: string): string {
    TOKEN.lastIndex = this.pos
    const m = TOKEN.exec(this.src)
    if (!m) throw new SyntaxError(`unexpected "${this.src.slice(this.pos).trim()}"`)
    const tok = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]
    if (expected !== undefined && tok !== expected) throw new SyntaxError(`expected "${expected}", found "${tok}"`)
    this.pos = TOKEN.lastIndex
    return tok
  }

  private or(): Node {
    let a = this.and()
    while (this.peek() === '||') {
      this.take()
      a = { k: 'bin', op: '||', a, b: this.and() }
    }
    return a
  }

  private and(): Node {
    let a = this.equality()
    while (this.peek() === '&&') {
      this.take()
      a = { k: 'bin', op: '&&', a, b: this.equality() }
    }
    return a
  }

  private equality(): Node {
    let a = this.unary()
    for (let op = this.peek(); op === '==' || op === '!=' || op === '===' || op === '!=='; op = this.peek()) {
      this.take()
      a = { k: 'bin', op, a, b: this.unary() }
    }
    return a
  }

  private unary(): Node {
    if (this.peek() === '!') {
      this.take()
      return { k: 'not', e: this.unary() }
    }
    return this.primary()
  }

  private primary(): Node {
    const tok = this.take()
    if (tok === '(') {
      const e = this.or()
      this.take(')')
      return e
    }
    if (tok === '/') return this.regex()
    if (tok.startsWith("'") || tok.startsWith('"')) return { k: 'lit', v: tok.slice(1, -1).replace(/\\(.)/g, '$1') }
    if (/^\d/.test(tok)) return { k: 'lit', v: Number(tok) }
    if (tok === 'true' || tok === 'false') return { k: 'lit', v: tok === 'true' }
    if (tok === 'null') return { k: 'lit', v: null }
    if (tok !== 'auth' && tok !== 'resource') throw new SyntaxError(`unknown name "${tok}"`)
    const path = [tok]
    while (this.peek() === '.') {
      this.take()
      path.push(this.take())
    }
    return { k: 'var', path }
  }

  /** `/…/flags.test(expr)` — the slash has been taken. */
  private regex(): Node {
    let i = this.pos
    let inClass = false
    for (; i < this.src.length; i++) {
      const c = this.src[i]
      if (c === '\\') i++
      else if (c === '[') inClass = true
      else if (c === ']') inClass = false
      else if (c === '/' && !inClass) break
    }
    if (i >= this.src.length) throw new SyntaxError('unterminated regular expression')
    const body = this.src.slice(this.pos, i)
    const flags = /^[a-z]*/.exec(this.src.slice(i + 1))?.[0] ?? ''
    this.pos = i + 1 + flags.length
    const re = new RegExp(body, flags)
    this.take('.')
    if (this.take() !== 'test') throw new SyntaxError('a regular expression is only used as /…/.test(x)')
    this.take('(')
    const arg = this.or()
    this.take(')')
    return { k: 'test', re, arg }
  }
}

function evaluate(n: Node, ctx: RuleContext): RuleValue {
  switch (n.k) {
    case 'lit':
      return n.v
    case 'var': {
      let cur: unknown = ctx
      for (const p of n.path)
        cur = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, p) ? (cur as Record<string, unknown>)[p] : undefined
      return cur === undefined ? null : (cur as RuleValue)
    }
    case 'not':
      return !evaluate(n.e, ctx)
    case 'test': {
      const v = evaluate(n.arg, ctx)
      return typeof v === 'string' && n.re.test(v)
    }
    case 'bin': {
      if (n.op === '&&') return Boolean(evaluate(n.a, ctx)) && Boolean(evaluate(n.b, ctx))
      if (n.op === '||') return Boolean(evaluate(n.a, ctx)) || Boolean(evaluate(n.b, ctx))
      const a = evaluate(n.a, ctx) ?? null
      const b = evaluate(n.b, ctx) ?? null
      return n.op === '==' || n.op === '===' ? a === b : a !== b
    }
  }
}

export type Operation = 'read' | 'write'

/** A compiled rule set; `allows` is false for a missing key, a false value or an expression that is not true. */
export function compileRules(json: unknown): { allows(op: Operation, ctx: RuleContext): boolean } {
  const compiled = new Map<Operation, Node | boolean>()
  const obj = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>
  for (const op of ['read', 'write'] as const) {
    const v = obj[op]
    if (typeof v === 'boolean') compiled.set(op, v)
    else if (typeof v === 'string') compiled.set(op, new Parser(v).parse())
  }
  return {
    allows(op, ctx) {
      const rule = compiled.get(op)
      if (rule === undefined || typeof rule === 'boolean') return rule === true
      try {
        return evaluate(rule, ctx) === true
      } catch {
        return false
      }
    },
  }
}
