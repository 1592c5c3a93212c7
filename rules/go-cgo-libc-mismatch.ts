import { defineRule } from '../src/engine/define-rule';
import { golangImageLibc, runtimeLibc, validCgoValue, type Libc } from '../src/go/cgo';
import { goVersionOfImage, olderThanGo } from '../src/go/image';
import { cleanGoPath } from '../src/go/paths';
import { GOLANG_IMAGE } from '../src/go/image';
import { fromStage, instructionsBefore, isIntermediateStage, stageChain, stageEnv, type StageEnv, stageNames } from '../src/facts/stage-context';
import { flagValues, goCommands, type GoCommand } from '../src/facts/go-commands';
import { joinSegments } from '../src/text/location';
import { goSettings } from '../src/facts/go-settings';
import { valueOrName } from '../src/engine/report-helpers';
import type { Copy, EnvAssignment, FileModel, Location } from '../src/model';

/** Copy sources that are data, not a built binary (certificates, zoneinfo, configs, assets). */
const DATA_SOURCE = /^\/(etc|usr\/share|usr\/local\/go\/lib)\/|\.(crt|pem|json|ya?ml|toml|conf|cfg|ini|txt|md|html?|css|js|sql|sh)$|zoneinfo/;

interface CgoBuild {
  libc: Libc;
  loc: Location;
  why: string;
}

/** The workdir a RUN at `line` of `scope` runs in (absolute), or undefined when unknown. */
function workdirAt(model: FileModel, scope: string, line: number): string | undefined {
  const w = instructionsBefore(model, model.workdirs, scope, line).pop();
  if (w) return w.absolute;
  const chain = stageChain(model, scope);
  const root = chain[chain.length - 1];
  if (root?.golang && !root.windows) return GOLANG_IMAGE.linux.gopath;
  return root?.resolvedImage === 'scratch' ? '/' : undefined;
}

/** The assignment that gives CGO_ENABLED its value at a command (same RUN first, then the stage). */
function cgoAssignment(model: FileModel, c: GoCommand): EnvAssignment | undefined {
  const chain = stageNames(model, c.run.scope);
  const inRun = model.assignments.filter(
    (a) => a.name === 'CGO_ENABLED' && a.kind === 'run' && a.scope === c.run.scope && a.nameLoc.line >= c.run.loc.line && a.nameLoc.line <= c.run.loc.endLine && (a.nameLoc.line < c.loc.line || (a.nameLoc.line === c.loc.line && a.nameLoc.column < c.loc.column)),
  );
  if (inRun.length && c.vars.has('CGO_ENABLED')) return inRun[inRun.length - 1];
  return model.assignments
    .filter((a) => a.name === 'CGO_ENABLED' && (a.kind === 'env' || a.kind === 'arg' || a.kind === 'go-env-w') && a.scope !== undefined && chain.includes(a.scope) && (a.scope !== c.run.scope || a.nameLoc.line < c.run.loc.line))
    .pop();
}

function isStatic(c: GoCommand, goflags: string): boolean {
  // Static linking set up elsewhere in the script (`LDFLAGS="-extldflags -static"`), or xx's
  // cross toolchain wrapping go (`xx-go --wrap`).
  if (/-static\b|\bnetgo\b|xx-go\s+--wrap/.test(c.script)) return true;
  const tags = flagValues(c.args, 'tags').join(',');
  if (/\bnetgo\b/.test(tags) || /-tags[= ]\S*netgo/.test(goflags)) return true;
  return flagValues(c.args, 'ldflags').some((v) => /static/.test(v)) || /-ldflags=\S*static/.test(goflags);
}

/** Whether a build runs with cgo on and links dynamically; null when off, static, or unknown. */
function cgoBuild(model: FileModel, c: GoCommand, env: StageEnv): CgoBuild | null {
  const chain = stageChain(model, c.run.scope);
  const root = chain[chain.length - 1];
  if (!root || root.windows) return null;
  const line = c.run.loc.line;
  const get = (name: string) => (c.vars.has(name) ? c.vars.get(name)! : env.at(c.run.scope, line, name));
  const goflags = get('GOFLAGS') ?? '';
  if (isStatic(c, goflags)) return null;
  const cgo = get('CGO_ENABLED');
  if (cgo === null) return null;
  const ref = root.resolvedImage;
  if (cgo === '1') {
    const libc = golangImageLibc(ref) ?? (runtimeLibc(ref) === 'musl' ? 'musl' : 'glibc');
    const a = cgoAssignment(model, c);
    return { libc, loc: a ? valueOrName(a) : c.loc, why: 'CGO_ENABLED=1' };
  }
  if (cgo !== undefined && validCgoValue(cgo)) return null; // '0'
  // Unset (or an ignored value): cgo is on for native builds when a C compiler is present.
  const libc = golangImageLibc(ref);
  if (libc === null) return null;
  if (libc === 'musl') {
    if (olderThanGo(goVersionOfImage(ref), 20)) return null;
    const installsCc = model.runs.some((r) => chain.some((s) => s.name === r.scope) && /\bapk\b[^\n]*\badd\b[^\n]*\b(gcc|build-base|clang)\b/.test(joinSegments(r.segments)));
    if (!installsCc) return null;
  }
  const goos = get('GOOS');
  const goarch = get('GOARCH');
  if (goos === null || goarch === null) return null;
  if (goos !== undefined && goos !== 'linux') return null;
  const platform = chain.map((s) => s.platform).find((p) => p !== undefined);
  const host = platform === undefined ? 'amd64' : /^linux\/([a-z0-9]+)/.exec(platform)?.[1];
  if (goarch !== undefined && goarch !== host) return null; // cross-compiling (or unknown host): cgo off
  const why = cgo === undefined ? `CGO_ENABLED is unset and ${libc === 'musl' ? 'this stage installs a C compiler' : 'the golang image ships gcc'}, so cgo is on` : `CGO_ENABLED=${cgo} is ignored (only 0 and 1 count), so cgo is on`;
  return { libc, loc: c.loc, why };
}

/** Whether `copy` takes the output of build `c` (by -o path, workdir or GOBIN; unknown paths: any non-data source). */
function copiesOutput(model: FileModel, copy: Copy, c: GoCommand, env: StageEnv): boolean {
  const line = c.run.loc.line;
  const wd = workdirAt(model, c.run.scope, line);
  let out: { path: string; dir: boolean } | null = null;
  if (c.sub === 'build') {
    const o = flagValues(c.args, 'o').pop();
    if (o === undefined) out = wd ? { path: wd, dir: true } : null;
    else if (!o.includes('$')) {
      const abs = o.startsWith('/') ? o : wd ? `${wd}/${o}` : null;
      out = abs ? { path: normalize(abs), dir: o.endsWith('/') } : null;
    }
  } else {
    const gobin = c.vars.get('GOBIN') ?? env.at(c.run.scope, line, 'GOBIN');
    const gopath = env.at(c.run.scope, line, 'GOPATH') ?? (stageChain(model, c.run.scope).some((s) => s.golang) ? GOLANG_IMAGE.linux.gopath : undefined);
    const dir = gobin ?? (gopath ? `${gopath.split(':')[0]}/bin` : null);
    // `go install example.com/cmd/tool@v1` → <dir>/tool; local packages: some file in <dir>.
    const pkgs = c.args.map((w) => w.value).filter((v) => !v.startsWith('-'));
    const name = pkgs.length === 1 && /^[a-z0-9.-]+\.[a-z]+\//i.test(pkgs[0]!) ? binaryName(pkgs[0]!) : null;
    out = dir && !dir.includes('$') ? (name ? { path: normalize(`${dir}/${name}`), dir: false } : { path: normalize(dir), dir: true }) : null;
  }
  return copy.sources.some((s) => {
    const src = normalize(s.path.startsWith('/') ? s.path : `/${s.path}`);
    if (DATA_SOURCE.test(src)) return false;
    if (!out || src.includes('$')) return true;
    if (/[*?[]/.test(src)) return globToRe(src).test(out.path) || out.dir;
    return src === out.path || src === '/' || out.path.startsWith(src + '/') || (out.dir && src.startsWith(out.path + '/'));
  });
}

/** The command name go install gives a package path (`…/cmd/tool/v2@v2.1.0` → `tool`). */
function binaryName(pkg: string): string {
  const elems = pkg.replace(/@.*$/, '').split('/');
  let last = elems.pop() ?? '';
  if (/^v\d+$/.test(last) && elems.length) last = elems.pop()!;
  return last;
}

/** The path cleaned as an absolute Linux path (a relative one is taken from `/`). */
function normalize(p: string): string {
  return cleanGoPath(`/${p}`, false);
}

function globToRe(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
}

function hasGlibcShim(model: FileModel, scope: string): boolean {
  const chain = stageNames(model, scope);
  return model.runs.some((r) => chain.includes(r.scope) && /\b(gcompat|libc6-compat)\b|ld-linux/.test(joinSegments(r.segments)));
}

/**
 * A cgo-enabled (dynamically linked) Go binary copied into an image without a matching C library:
 * scratch and static distroless/chainguard images have none, alpine has musl instead of the glibc
 * the Debian-based golang image links against. Also CGO_ENABLED values other than 0/1, which the
 * go command silently ignores.
 */
export default defineRule({
  id: 'go-cgo-libc-mismatch',
  category: 'go-env',
  severity: 'error',
  description: 'cgo-enabled Go binary is copied into an image without its C library',
  tags: ['go', 'cgo', 'runtime'],
  messages: {
    noLibc: "{{why}}: this go {{sub}} links the binary dynamically against {{libc}}, but {{final}} (COPY on line {{copyLine}}) has no C library, so starting it fails with 'exec …: no such file or directory'. Build with CGO_ENABLED=0 (or -tags netgo,osusergo / -ldflags '-extldflags -static').",
    musl: "{{why}}: this go {{sub}} links the binary dynamically against glibc, but {{final}} (COPY on line {{copyLine}}) has musl, so starting it fails with 'exec …: no such file or directory'. Build with CGO_ENABLED=0, or build on a golang:*-alpine image.",
    badValue: 'CGO_ENABLED={{value}} is ignored: the go command only recognises 0 and 1 (go env CGO_ENABLED still prints the default). Use 0 or 1.',
  },
  check(model, ctx) {
    for (const { a, value } of goSettings(model, ['CGO_ENABLED'])) {
      if (!validCgoValue(value)) ctx.report({ loc: valueOrName(a), messageId: 'badValue', data: { value }, severity: 'warning' });
    }
    if (model.format !== 'dockerfile') return;
    const builds = goCommands(model).filter((c) => (c.sub === 'build' || c.sub === 'install') && c.tool !== 'xx-go');
    if (builds.length === 0) return;
    const env = stageEnv(model);
    const done = new Set<GoCommand>();
    for (const copy of model.copies) {
      if (copy.from === undefined) continue;
      const final = model.scopes.find((s) => s.name === copy.scope);
      const finalLibc = final ? runtimeLibc(final.resolvedImage) : null;
      if (!final || (finalLibc !== 'none' && finalLibc !== 'musl')) continue;
      // A libc-less stage that only carries files to other stages, or an export stage that is not
      // the image (scratch before the last stage), never runs the binary.
      if (finalLibc === 'none' && (isIntermediateStage(model, final.name) || (final.resolvedImage === 'scratch' && final !== model.scopes[model.scopes.length - 1]))) continue;
      // alpine with a glibc loader shim (gcompat, libc6-compat, a hand-made ld-linux link) runs it.
      if (finalLibc === 'musl' && hasGlibcShim(model, final.name)) continue;
      const builder = fromStage(model, copy.from);
      if (!builder) continue;
      const chain = stageNames(model, builder.name);
      for (const c of builds) {
        if (done.has(c) || !chain.includes(c.run.scope)) continue;
        const b = cgoBuild(model, c, env);
        if (!b || (finalLibc === 'musl' && b.libc === 'musl') || !copiesOutput(model, copy, c, env)) continue;
        done.add(c);
        const data = { why: b.why, sub: c.sub, libc: b.libc, final: final.resolvedImage ?? final.image ?? final.name, copyLine: copy.loc.line };
        ctx.report({ loc: b.loc, messageId: finalLibc === 'none' ? 'noLibc' : 'musl', data, severity: finalLibc === 'none' ? 'error' : 'warning' });
      }
    }
  },
});
