/** Types of the one classifier shared by lint rules and the runtime env-minimizer. */

export type ValueKind =
  /** null or '' */
  | 'empty'
  /** only `$VAR` / `${VAR}` / `${VAR:?err}` references (and nothing literal) */
  | 'reference'
  /** an obvious dummy: `1`, `true`, `changeme`, `<your-token>`, `xxx`, … */
  | 'placeholder'
  /** anything else, including `${VAR:-literal}` defaults (their literal part is what counts) */
  | 'literal';

export interface Classification {
  /** True when this pair is a hardcoded secret: a secret-like name with a literal, non-placeholder
   *  value (high entropy not required), or a known secret format under any name. */
  secret: boolean;
  /** Why: 'value' when a known token format matched (wins over 'name'), 'name' otherwise. */
  reason: 'name' | 'value' | null;
  /** Human label of the matched token format (`GitHub personal access token`), when reason is 'value'. */
  tokenType?: string;
  /** The name alone looks secret-like after exemptions (independent of the value). */
  secretName: boolean;
  /** Which word/suffix made the name secret-like (`password`, `token`, …). */
  nameWord?: string;
  valueKind: ValueKind;
  /** The literal text that is the secret (for `${X:-lit}` this is `lit`); what must be masked. */
  secretText?: string;
  /** The name is a Go toolchain variable (GOPATH, GOFLAGS, GOPRIVATE, …). */
  goVar: boolean;
  /** The value is a credential published by its vendor for a local emulator (Azurite's account
   *  key): it cannot be revoked and opens nothing real; rules report it as info. */
  published?: string;
}

export interface ClassifyOptions {
  /** Extra deny words for names (lower-case), added to the built-in list. */
  extraWords?: string[];
  /** Name suffixes that mark a secret (`_SECRET`, `_KEY`…). When set, name-side detection is by
   *  suffix (the runtime minimizer's `--drop-suffix`), with the same exemptions. */
  suffixes?: string[];
  /** Names (exact, case-insensitive) or micromatch globs that are never secrets by name. */
  allowNames?: string[];
}

/** A known secret format found inside free text (RUN lines, heredoc bodies, URLs). */
export interface TokenMatch {
  type: string;
  /** Offsets into the scanned text; end exclusive. */
  start: number;
  end: number;
  /** The secret text itself (what must be masked). */
  text: string;
}
