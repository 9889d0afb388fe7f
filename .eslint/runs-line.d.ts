// Runs: node (lint rule types). The rule is plain JavaScript (eslint.config.js loads it without a build).
import type { Rule } from 'eslint';

declare const rule: Rule.RuleModule;
export default rule;
