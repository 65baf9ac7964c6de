import { ciSystemsFor, knownClaim } from '../../oidc/ci-systems.ts';

/** A claim's test as the policy file writes it. */
export type ClaimValue = { equals: string[] } | { glob: string } | { regex: string };

export interface ImportedRule {
  name: string;
  effect: 'allow' | 'deny';
  /** Set when the policy has several issuers and the rule belongs to one. */
  issuer?: string | undefined;
  match: Map<string, ClaimValue>;
}

export interface ImportedPolicy {
  issuers: string[];
  audiences: string[];
  rules: ImportedRule[];
  /** The grant every allow rule gets, as YAML flow text, and whether it is a placeholder. */
  grant: { text: string; todo: string | undefined };
  /** Where the policy came from, for its header. */
  origin: string;
}

const q = (value: string): string => JSON.stringify(value);

function valueText(value: ClaimValue): string {
  if ('equals' in value) return value.equals.length === 1 ? q(value.equals[0]!) : `[${value.equals.map(q).join(', ')}]`;
  return 'glob' in value ? `{glob: ${q(value.glob)}}` : `{regex: ${q(value.regex)}}`;
}

/** Claims that no issuer of the policy is known to carry: declared, so that the loader accepts them. */
function customClaims(policy: ImportedPolicy): string[] {
  const claims = new Set(policy.rules.flatMap((rule) => [...rule.match.keys()]));
  return [...claims].filter((claim) => !policy.issuers.some((issuer) => [...ciSystemsFor(issuer), undefined].some((profile) => knownClaim(profile, claim)))).sort();
}

/** A rule name the loader accepts, from a Sid, a workflow and job, or any text. */
export function safeRuleName(text: string, maxLength = 64): string {
  return (text.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'rule').slice(0, maxLength);
}

/** The policy file, with unique rule names the loader accepts. */
export function policyYaml(policy: ImportedPolicy): string {
  const custom = customClaims(policy);
  const names = new Set<string>();
  const unique = (name: string): string => {
    // Room for the suffix that tells apart two statements with one Sid.
    const base = safeRuleName(name, 60);
    let candidate = base;
    for (let index = 2; names.has(candidate); index++) candidate = `${base}-${index}`;
    names.add(candidate);
    return candidate;
  };
  const lines = [
    `# Written by \`ci-oidc-broker policy init\` from ${policy.origin}.`,
    'version: 1',
    `issuers: [${policy.issuers.map(q).join(', ')}]`,
    ...(policy.audiences.length > 0 ? [`audiences: [${policy.audiences.map(q).join(', ')}]`] : []),
    ...(custom.length > 0 ? [`custom-claims: [${custom.map(q).join(', ')}]`] : []),
    'rules:',
    ...policy.rules.flatMap((rule) => [
      `  - name: ${unique(rule.name)}`,
      ...(rule.effect === 'deny' ? ['    effect: deny'] : []),
      ...(rule.issuer !== undefined ? [`    issuer: ${q(rule.issuer)}`] : []),
      '    match:',
      ...[...rule.match].map(([claim, value]) => `      ${/^[A-Za-z_][\w.-]*$/.test(claim) ? claim : q(claim)}: ${valueText(value)}`),
      ...(rule.effect === 'allow' ? [`    grant: ${policy.grant.text}${policy.grant.todo ? `   # TODO: ${policy.grant.todo}` : ''}`] : []),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

/** RE2 text that matches `text` literally. */
export function quoteRe2(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
