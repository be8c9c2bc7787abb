/** `npm run test:contract`: the e2e suite with every Twilio call checked by Prism against Twilio's specs. */
import base from './playwright.config';

process.env.GLEAM_CONTRACT = '1';

export default { ...base, outputDir: 'test-results/contract' };
