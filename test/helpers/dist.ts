// Where the bundled entry points are: dist/ as committed, or another build's folder (TEST_DIST), so that
// several working copies of a change can be bundled and tested side by side without overwriting one another.
const DIST = process.env.TEST_DIST ?? 'dist';

export const MAIN = `${DIST}/main/index.js`;
export const POST = `${DIST}/post/index.js`;
export const CLI = `${DIST}/cli/index.js`;
