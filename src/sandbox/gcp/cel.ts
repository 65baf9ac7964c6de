/**
 * The subset of CEL that workload identity pool providers use in attribute mappings and conditions:
 * string and boolean literals, lists, `assertion.x`, `assertion['x']` and `attribute.x`, `==`, `!=`,
 * `in`, `!`, `&&`, `||`, parentheses, and the string methods `startsWith`, `endsWith`, `contains` and
 * `matches` (RE2 there; JavaScript regular expressions here, which agree on what the broker exports).
 * Reading a field that does not exist is an error, as in CEL, and an error denies.
 */
export type CelValue = string | boolean | CelValue[] | { [key: string]: CelValue | undefined };

export class CelError extends Error {
  override readonly name = 'CelError';
}

type Token = { kind: 'string'; value: string } | { kind: 'ident'; value: string } | { kind: 'punct'; value: string };

const PUNCTUATION = ['&&', '||', '==', '!=', '!', '(', ')', '[', ']', ',', '.'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '"' || char === "'") {
      let value = '';
      i++;
      while (i < source.length && source[i] !== char) {
        if (source[i] === '\\') {
          const next = source[++i];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : (next ?? '');
        } else value += source[i];
        i++;
      }
      if (source[i] !== char) throw new CelError('unterminated string literal');
      i++;
      tokens.push({ kind: 'string', value });
    } else if (/[A-Za-z_]/.test(char)) {
      const value = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))![0];
      tokens.push({ kind: 'ident', value });
      i += value.length;
    } else {
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
      if (!punct) throw new CelError(`unexpected character ${JSON.stringify(char)} at ${i}`);
      tokens.push({ kind: 'punct', value: punct });
      i += punct.length;
    }
  }
  return tokens;
}

/** Evaluates `source` with the given variables (`assertion`, `attribute`). */
export function evaluateCel(source: string, variables: Record<string, CelValue>): CelValue {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (value?: string): boolean => position < tokens.length && (value === undefined || (tokens[position]!.kind !== 'string' && tokens[position]!.value === value));
  const expect = (value: string): void => {
    if (!peek(value)) throw new CelError(`expected ${value}`);
    position++;
  };
  // Each parse function returns a thunk, so that `&&` and `||` can absorb errors as CEL does.
  type Thunk = () => CelValue;
  // CEL's logical operators are commutative over errors: `error || true` is true, `error && false` false.
  const logical = (operator: '||' | '&&', operand: () => Thunk): Thunk => {
    let left = operand();
    const decisive = operator === '||';
    while (peek(operator)) {
      position++;
      const [l, r] = [left, operand()];
      left = () => {
        const attempt = (thunk: Thunk): boolean | CelError => {
          try {
            return asBool(thunk());
          } catch (error) {
            if (error instanceof CelError) return error;
            throw error;
          }
        };
        const leftValue = attempt(l);
        if (leftValue === decisive) return decisive;
        const rightValue = attempt(r);
        if (rightValue === decisive) return decisive;
        if (leftValue instanceof CelError) throw leftValue;
        if (rightValue instanceof CelError) throw rightValue;
        return !decisive;
      };
    }
    return left;
  };
  const or = (): Thunk => logical('||', and);
  const and = (): Thunk => logical('&&', unary);
  const unary = (): Thunk => {
    if (peek('!')) {
      position++;
      const operand = unary();
      return () => !asBool(operand());
    }
    return comparison();
  };
  const comparison = (): Thunk => {
    const left = primary();
    if (peek('==') || peek('!=')) {
      const negate = tokens[position++]!.value === '!=';
      const right = primary();
      return () => (left() === right()) !== negate;
    }
    if (peek('in')) {
      position++;
      const right = primary();
      return () => {
        const list = right();
        if (!Array.isArray(list)) throw new CelError('`in` needs a list');
        return list.includes(left());
      };
    }
    return left;
  };
  const primary = (): Thunk => {
    const token = tokens[position++];
    if (!token) throw new CelError('unexpected end of expression');
    let value: Thunk;
    if (token.kind === 'string') value = () => token.value;
    else if (token.kind === 'punct' && token.value === '(') {
      value = or();
      expect(')');
    } else if (token.kind === 'punct' && token.value === '[') {
      const items: Thunk[] = [];
      while (!peek(']')) {
        items.push(or());
        if (!peek(']')) expect(',');
      }
      position++;
      value = () => items.map((item) => item());
    } else if (token.kind === 'ident' && (token.value === 'true' || token.value === 'false')) value = () => token.value === 'true';
    else if (token.kind === 'ident') {
      const name = token.value;
      value = () => {
        if (!(name in variables)) throw new CelError(`undeclared reference to ${name}`);
        return variables[name]!;
      };
    } else throw new CelError(`unexpected ${token.value}`);
    return postfix(value);
  };
  const postfix = (base: Thunk): Thunk => {
    let value = base;
    for (;;) {
      if (peek('.')) {
        position++;
        const name = tokens[position++];
        if (name?.kind !== 'ident') throw new CelError('expected a field or method name');
        if (peek('(')) {
          position++;
          const argument = or();
          expect(')');
          const target = value;
          value = () => callMethod(name.value, asString(target()), asString(argument()));
        } else {
          const target = value;
          value = () => field(target(), name.value);
        }
      } else if (peek('[')) {
        position++;
        const key = or();
        expect(']');
        const target = value;
        value = () => field(target(), asString(key()));
      } else return value;
    }
  };
  const root = or();
  if (position !== tokens.length) throw new CelError(`unexpected ${tokens[position]!.value}`);
  return root();
}

function field(target: CelValue, name: string): CelValue {
  if (typeof target !== 'object' || Array.isArray(target) || !Object.hasOwn(target, name) || target[name] === undefined) throw new CelError(`no such key: ${name}`);
  return target[name];
}

function callMethod(name: string, target: string, argument: string): boolean {
  switch (name) {
    case 'startsWith':
      return target.startsWith(argument);
    case 'endsWith':
      return target.endsWith(argument);
    case 'contains':
      return target.includes(argument);
    case 'matches':
      return new RegExp(argument, 'u').test(target);
    default:
      throw new CelError(`unknown method ${name}`);
  }
}

function asBool(value: CelValue): boolean {
  if (typeof value !== 'boolean') throw new CelError('expected a boolean');
  return value;
}

function asString(value: CelValue): string {
  if (typeof value !== 'string') throw new CelError('expected a string');
  return value;
}
