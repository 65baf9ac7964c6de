/** The oldest Node.js major the CLI runs on; package.json's `engines` says the same (a test holds them together). */
export const REQUIRED_NODE_MAJOR = 24;

/**
 * What to tell someone running an older Node, before anything else loads: the AWS SDK would otherwise
 * greet them with its own support warning, and some features would fail in ways that name neither.
 */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= REQUIRED_NODE_MAJOR) return undefined;
  return `ci-oidc-broker needs Node.js ${REQUIRED_NODE_MAJOR} or later; this is Node.js ${version.replace(/^v/, '')}.\nHint: install Node.js ${REQUIRED_NODE_MAJOR} (for example \`nvm install ${REQUIRED_NODE_MAJOR}\`, or actions/setup-node with node-version: ${REQUIRED_NODE_MAJOR}), then run the command again.\n`;
}
