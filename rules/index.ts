/** The one registry of rules, sorted by id. A test checks it matches the files in this folder. */
import type { Rule } from '../src/engine/define-rule';
import composeHostInterpolation from './compose-host-interpolation';
import goBinaryWithoutGoroot from './go-binary-without-goroot';
import goCacheUnusable from './go-cache-unusable';
import goCgoLibcMismatch from './go-cgo-libc-mismatch';
import goEnvInRun from './go-env-in-run';
import goEnvSelfReference from './go-env-self-reference';
import goEnvWrite from './go-env-write';
import goFlagsMisuse from './go-flags-misuse';
import goGopathGorootOverlap from './go-gopath-goroot-overlap';
import goGopathInvalid from './go-gopath-invalid';
import goGorootOverride from './go-goroot-override';
import goHardcodedTarget from './go-hardcoded-target';
import goInsecureTransport from './go-insecure-transport';
import goModInGopathRoot from './go-mod-in-gopath-root';
import goModuleMode from './go-module-mode';
import goNoopSetting from './go-noop-setting';
import goPrivateTooBroad from './go-private-too-broad';
import goSourceInGoroot from './go-source-in-goroot';
import goSumdbDisabled from './go-sumdb-disabled';
import goToolchainSetting from './go-toolchain-setting';
import secretArgBakedIntoEnv from './secret-arg-baked-into-env';
import secretFileCopied from './secret-file-copied';
import secretInBuildArg from './secret-in-build-arg';
import secretInEnv from './secret-in-env';
import secretInRun from './secret-in-run';
import secretTokenFormat from './secret-token-format';

export const rules: readonly Rule[] = [
  composeHostInterpolation,
  goBinaryWithoutGoroot,
  goCacheUnusable,
  goCgoLibcMismatch,
  goEnvInRun,
  goEnvSelfReference,
  goEnvWrite,
  goFlagsMisuse,
  goGopathGorootOverlap,
  goGopathInvalid,
  goGorootOverride,
  goHardcodedTarget,
  goInsecureTransport,
  goModInGopathRoot,
  goModuleMode,
  goNoopSetting,
  goPrivateTooBroad,
  goSourceInGoroot,
  goSumdbDisabled,
  goToolchainSetting,
  secretArgBakedIntoEnv,
  secretFileCopied,
  secretInBuildArg,
  secretInEnv,
  secretInRun,
  secretTokenFormat,
].sort((a, b) => a.id.localeCompare(b.id));
