/** `npm run test:a11y`: axe-core on every screen of the built renderer, light and dark. */
import base from './playwright.config';

// An axe run takes seconds on a busy two-core machine, and each test makes several.
export default { ...base, testDir: 'e2e/a11y', outputDir: 'test-results/a11y', timeout: 180_000 };
