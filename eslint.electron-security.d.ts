// Types for eslint.electron-security.js, which ESLint loads as plain JavaScript and the tests import.
import type { Linter } from 'eslint';

export declare const LINK_OPENER: string;
export declare const electronSecurityConfigs: Linter.Config[];
