/**
 * GOTOOLCHAIN as the go command parses it (../shared/reference/go-env-facts.md §4;
 * cmd/go/internal/toolchain/select.go Select, gover.FromToolchain).
 */
import { GO_VERSION, GoVersion } from './image';

export type ToolchainSetting =
  | { ok: true; /** 'local' or a toolchain name (`go1.22.3`) */ min: string; /** '' | 'auto' | 'path' */ mode: string; version: string | null }
  | { ok: false; error: string };

/** The version a toolchain name selects (`go1.22.3` → `1.22.3`, `gccgo-go1.22` → `1.22`), or null. */
export function versionOfToolchain(name: string): string | null {
  if (/[\\/]/.test(name)) return null;
  let v: string;
  if (name.startsWith('go')) v = name.slice(2);
  else {
    const i = name.indexOf('-go');
    if (i < 0) return null;
    v = name.slice(i + 3);
  }
  const cut = v.search(/[ \t-]/);
  if (cut >= 0) v = v.slice(0, cut);
  return GO_VERSION.test(v) ? v : null;
}

/** Parses a non-empty GOTOOLCHAIN value the way the go command does. */
export function parseToolchain(value: string): ToolchainSetting {
  if (value === 'auto') return { ok: true, min: 'local', mode: 'auto', version: null };
  if (value === 'path') return { ok: true, min: 'local', mode: 'path', version: null };
  const plus = value.indexOf('+');
  const min = plus < 0 ? value : value.slice(0, plus);
  const suffix = plus < 0 ? '' : value.slice(plus + 1);
  let version: string | null = null;
  if (min !== 'local') {
    version = versionOfToolchain(min);
    if (version === null) {
      return {
        ok: false,
        error: plus >= 0 ? `invalid GOTOOLCHAIN "${value}": invalid minimum toolchain "${min}"` : `invalid GOTOOLCHAIN "${value}"`,
      };
    }
  }
  if (plus >= 0 && suffix !== 'auto' && suffix !== 'path')
    return { ok: false, error: `invalid GOTOOLCHAIN "${value}": only version suffixes are +auto and +path` };
  return { ok: true, min, mode: suffix, version };
}

/** True when a toolchain version (`1.22.3`) is the one a golang image tag ships. null: cannot tell. */
export function sameGoAsImage(version: string, image: GoVersion): boolean | null {
  if (image.minor === Infinity) return null;
  const m = /^1(?:\.(\d+))?(?:\.(\d+))?/.exec(version);
  if (!m || m[1] === undefined) return null;
  if (Number(m[1]) !== image.minor) return false;
  if (m[2] === undefined || image.patch === null) return null;
  return Number(m[2]) === image.patch;
}
