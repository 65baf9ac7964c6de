import { createHash } from 'node:crypto';
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type RuleId, type ScanFinding, type Severity } from '../findings.ts';

const INFORMATION_URI = 'https://github.com/ci-oidc-broker/ci-oidc-broker#migrating-from-static-keys';
// GitHub code scanning ranks security alerts by this score (0 to 10) rather than by level alone.
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', note: '1.0' };
const RULE_IDS = Object.keys(RULES) as RuleId[];

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: every rule with its fix as help, every result with
 * a file relative to the repository (%SRCROOT%), line and column, and a fingerprint that survives
 * lines moving, so an alert stays one alert across commits.
 */
export function scanSarif(findings: readonly ScanFinding[], version: string): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ci-oidc-broker',
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules: RULE_IDS.map((id) => ({
              id,
              name: id.replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
              shortDescription: { text: RULES[id].title },
              fullDescription: { text: `${RULES[id].title}.${limitsOf(id) ? ` ${limitsOf(id)}` : ''}` },
              help: { text: RULES[id].fix, markdown: RULES[id].fix },
              defaultConfiguration: { level: RULES[id].severity },
              properties: { tags: ['security', 'ci', 'credentials'], 'security-severity': SECURITY_SEVERITY[RULES[id].severity] },
            })),
          },
        },
        results: findings.map((found) => ({
          ruleId: found.rule,
          ruleIndex: RULE_IDS.indexOf(found.rule),
          level: found.severity,
          message: { text: `${found.message}. Fix: ${found.fix}` },
          locations: [{ physicalLocation: { artifactLocation: artifact(found.location.file), region: { startLine: found.location.line, startColumn: found.location.column } } }],
          partialFingerprints: { 'ciOidcBroker/v1': createHash('sha256').update([found.rule, found.location.file, found.job ?? '', found.message].join('\n')).digest('hex') },
        })),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}

function limitsOf(id: RuleId): string | undefined {
  const rule = RULES[id];
  return 'limits' in rule ? rule.limits : undefined;
}

function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodeURI(file.split(sep).join('/').replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}
