import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { BrokerError, ErrorCode, type SourceLocation } from '../../errors/broker-error.ts';
import { sortFindings, type Finding } from './finding.ts';

interface Statement {
  Sid?: unknown;
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/**
 * Lints an IAM trust policy that trusts an OIDC provider. It is read with a parser that keeps positions
 * and refuses nothing, so that duplicate keys (which IAM resolves by keeping one, silently dropping a
 * condition) are found rather than lost.
 */
export function lintAwsTrustPolicy(text: string, file: string): Finding[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (document.errors.length > 0) {
    throw new BrokerError(ErrorCode.InputInvalid, `${file} is not valid JSON: ${document.errors[0]!.message.split('\n')[0]}`, {
      hint: 'Pass the trust policy document as IAM shows it (aws iam get-role --query Role.AssumeRolePolicyDocument).',
    });
  }
  const findings: Finding[] = duplicateKeys(document.contents as Node | null, at);
  const data = document.toJS() as { Statement?: Statement | Statement[] } | null;
  const statements = Array.isArray(data?.Statement) ? data.Statement : data?.Statement ? [data.Statement] : [];
  statements.forEach((statement, index) => {
    if (statement.Effect !== 'Allow' || !isWebIdentity(statement)) return;
    const name = typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : `Statement[${index}]`;
    findings.push(...lintStatement(statement, name));
  });
  return sortFindings(findings);
}

function lintStatement(statement: Statement, name: string): Finding[] {
  const findings: Finding[] = [];
  const add = (id: string, severity: Finding['severity'], message: string, fix: string): void => {
    findings.push({ id, severity, rule: name, message, fix });
  };
  const conditions = Object.entries(statement.Condition ?? {});
  const keysOf = (operator: string): string[] => Object.keys(statement.Condition?.[operator] ?? {});
  const subTests = conditions.filter(([, tests]) => Object.keys(tests).some((key) => key.endsWith(':sub')));
  if (subTests.length === 0) {
    add('no-sub-condition', 'error', 'The statement does not check the token’s `sub`: any repository that can get a token from this issuer may assume the role.', 'Add a StringEquals (or StringLike) condition on <issuer host>:sub, such as repo:OWNER/REPO:environment:production.');
  }
  for (const [operator, tests] of conditions) {
    if (/^ForAllValues:/i.test(operator)) {
      add('for-all-values', 'error', `${operator} holds when the claim is absent or misspelt, so it can allow any token.`, 'Use StringEquals or StringLike for single-valued claims.');
    }
    for (const [key, value] of Object.entries(tests)) {
      const values = (Array.isArray(value) ? value : [value]).map(String);
      const wildcard = values.filter((v) => v.includes('*') || v.includes('?'));
      if (/^(ForAnyValue:|ForAllValues:)?StringLike$/i.test(operator) && wildcard.length === 0) {
        add('string-like-without-wildcard', 'warning', `${operator} on ${key} has no wildcard: it works as StringEquals, and a later edit that adds one widens it silently.`, `Use StringEquals for ${key}.`);
      }
      for (const pattern of wildcard) {
        // A wildcard before the owner is written out lets any owner's repositories in.
        const severity = key.endsWith(':sub') && !/^repo:[A-Za-z0-9-]+\//.test(pattern) ? 'error' : 'warning';
        add('wildcard', severity, `${key} accepts "${pattern}"${severity === 'error' ? ', which does not pin an owner' : ''}.`, 'Spell out the subject (repo:OWNER/REPO:environment:NAME or :ref:refs/heads/BRANCH), or list the exact values.');
      }
    }
  }
  if (!keysOf('StringEquals').some((key) => key.endsWith(':aud'))) {
    add('no-aud-condition', 'warning', 'The statement does not pin the token’s `aud` with StringEquals.', 'Add StringEquals <issuer host>:aud = sts.amazonaws.com.');
  }
  return findings;
}

function isWebIdentity(statement: Statement): boolean {
  const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
  return actions.some((action) => typeof action === 'string' && /^sts:(AssumeRoleWithWebIdentity|\*)$|^\*$/i.test(action));
}

/** Every mapping key that appears twice in its mapping, anywhere in the document. */
function duplicateKeys(node: Node | null, at: (offset: number) => SourceLocation): Finding[] {
  if (isSeq(node)) return node.items.flatMap((item) => duplicateKeys(item as Node, at));
  if (!isMap(node)) return [];
  const findings: Finding[] = [];
  const seen = new Set<unknown>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (seen.has(key)) {
      findings.push({
        id: 'duplicate-key',
        severity: 'error',
        rule: null,
        message: `The key ${JSON.stringify(key)} appears twice in one object; IAM keeps only one, silently dropping the other's conditions.`,
        fix: 'Merge the two into one key (a condition key may list several values).',
        location: at((pair.key as Node).range?.[0] ?? 0),
      });
    }
    seen.add(key);
    findings.push(...duplicateKeys(pair.value as Node | null, at));
  }
  return findings;
}
