/** The one registry of rules, sorted by id. A test checks it matches the files in this folder. */
import type { Rule } from '../src/engine/define-rule';
import composeHostInterpolation from './compose-host-interpolation';
import secretArgBakedIntoEnv from './secret-arg-baked-into-env';
import secretFileCopied from './secret-file-copied';
import secretInBuildArg from './secret-in-build-arg';
import secretInEnv from './secret-in-env';
import secretInRun from './secret-in-run';
import secretTokenFormat from './secret-token-format';

export const rules: readonly Rule[] = [
  composeHostInterpolation,
  secretArgBakedIntoEnv,
  secretFileCopied,
  secretInBuildArg,
  secretInEnv,
  secretInRun,
  secretTokenFormat,
].sort((a, b) => a.id.localeCompare(b.id));
