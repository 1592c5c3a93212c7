import { defineRule } from '../src/engine/define-rule';
import { fromStage, isIntermediateStage, stageChain, stageEnv, stageNames } from '../src/facts/stage-context';
import { goCommands } from '../src/facts/go-commands';
import { joinSegments } from '../src/text/location';
import { goSettings } from '../src/facts/go-settings';
import { valueOrName } from '../src/engine/report-helpers';
import type { FileModel } from '../src/model';

const TARGET_REF = /\$\{?TARGET(ARCH|PLATFORM|VARIANT)\b/;

/** Stages that run on the build platform (`FROM --platform=$BUILDPLATFORM`, or built from one). */
function onBuildPlatform(model: FileModel, scope: string | undefined): boolean {
  if (scope === undefined) return false;
  return stageChain(model, scope).some((s) => s.platform !== undefined && /\$\{?BUILDPLATFORM\b/.test(s.platform));
}

/**
 * Whether a stage's files end up in a stage that runs on the target platform: copied (directly
 * or through stages built from it) into a stage without --platform=$BUILDPLATFORM that is not
 * itself only an intermediate carrier (`FROM scratch AS bin` used by other stages).
 */
function shippedToTarget(model: FileModel, scope: string): boolean {
  const fromHere = (ref: string) => {
    const s = fromStage(model, ref);
    return s !== undefined && stageChain(model, s.name).some((x) => x.name === scope);
  };
  return model.copies.some(
    (c) => c.from !== undefined && fromHere(c.from) && !onBuildPlatform(model, c.scope) && !isIntermediateStage(model, c.scope),
  );
}

/**
 * In a stage that runs on the build platform (`FROM --platform=$BUILDPLATFORM`), the target
 * architecture must come from TARGETARCH: a literal GOARCH builds the same architecture for every
 * platform of a multi-platform build, and no GOARCH at all builds for the build machine.
 * GOOS is left alone: GOOS=linux is right for every Linux image, and other GOOS values belong to
 * artefact builders.
 */
export default defineRule({
  id: 'go-hardcoded-target',
  category: 'go-env',
  severity: 'warning',
  description: 'Go target architecture is hard-coded or missing in a --platform=$BUILDPLATFORM stage',
  formats: ['dockerfile'],
  tags: ['go', 'buildkit', 'cross-compilation'],
  messages: {
    literal: 'GOARCH={{value}} is hard-coded in a stage that runs on the build platform: every platform of a multi-platform build gets {{a value}} binary (exec format error elsewhere). Declare ARG TARGETARCH and set GOARCH=$TARGETARCH.',
    missing: 'This go build runs on the build platform (FROM --platform=$BUILDPLATFORM) without GOARCH, so it builds for the build machine, not the target platform. Declare ARG TARGETOS TARGETARCH and set GOOS=$TARGETOS GOARCH=$TARGETARCH.',
  },
  check(model, ctx) {
    const settings = goSettings(model, ['GOARCH']).filter((s) => onBuildPlatform(model, s.a.scope));
    // A file that builds several different architectures is a release matrix, not a mistake.
    const literals = new Set(settings.filter((s) => !/\$/.test(s.a.value ?? '')).map((s) => s.value));
    for (const { a, value } of settings) {
      if (value === '' || TARGET_REF.test(a.raw ?? a.value ?? '') || /\$/.test(a.value ?? '') || literals.size > 1) continue;
      ctx.report({ loc: valueOrName(a), messageId: 'literal', data: { value } });
    }
    const env = stageEnv(model);
    for (const c of goCommands(model)) {
      if (c.sub !== 'build' || c.tool === 'xx-go' || !onBuildPlatform(model, c.run.scope)) continue;
      if (c.vars.has('GOARCH') || env.at(c.run.scope, c.run.loc.line, 'GOARCH') !== undefined) continue;
      // Any mention of the target platform in the stage means it is handled some other way.
      const chain = stageNames(model, c.run.scope);
      const mentions =
        model.runs.some((r) => chain.includes(r.scope) && TARGET_REF.test(joinSegments(r.segments))) ||
        model.assignments.some((a) => a.scope !== undefined && chain.includes(a.scope) && (/^TARGET(ARCH|PLATFORM)$/.test(a.name) || TARGET_REF.test(a.value ?? '')));
      if (mentions || !shippedToTarget(model, c.run.scope)) continue;
      ctx.report({ loc: c.loc, messageId: 'missing' });
    }
  },
});
