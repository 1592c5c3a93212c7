/**
 * The two dockerfile-ast speed-ups, the only place that reaches into dockerfile-ast's internals.
 * The Dockerfile adapter turns them on explicitly (`enableSpeedups`, once); importing this module
 * changes nothing. dockerfile-ast is pinned to the version they were checked against; the models
 * are identical with and without them (every corpus Dockerfile and 3,000 mutated ones:
 * test/corpus/dockerfile-memo.test.ts; a built-in sample runs without the corpus too).
 *
 * 1. Argument memoization. dockerfile-ast re-tokenizes an instruction's whole text on every
 *    argument call, about four times per instruction while parsing (then ModifiableInstruction
 *    shifts flags off the returned array). The raw arguments are memoized per instruction object
 *    and handed out as copies, so those shifts stay harmless.
 * 2. Text-only instructions. dockerfile-ast parses every instruction's arguments as it builds it.
 *    The adapter reads RUN, COPY and ADD from the source lines and ignores CMD, EXPOSE, VOLUME…, so
 *    those are built as plain instructions with dockerfile-ast's own ranges and no arguments. An
 *    instruction with a `<` in it keeps its class, so heredocs are still found by dockerfile-ast.
 *
 * LIMIT, for whoever reads a new instruction: only the keywords in PARSED (and RUN/COPY/ADD with a
 * `<`) have arguments. Add a keyword to PARSED before reading its arguments (SHELL, HEALTHCHECK,
 * EXPOSE…); asking a text-only instruction other than RUN/COPY/ADD for them throws.
 */
import { Instruction } from 'dockerfile-ast';
// Internal (the package has no exports map; its .d.ts ships beside it).
import { Parser } from 'dockerfile-ast/lib/parser';

/** Instructions built with their arguments parsed: the ones the adapter reads through dockerfile-ast. */
const PARSED = new Set(['FROM', 'ARG', 'ENV', 'LABEL', 'WORKDIR', 'USER', 'ONBUILD']);
/** Read from the source lines, except when they may hold a heredoc. */
const HEREDOC_CAPABLE = new Set(['RUN', 'COPY', 'ADD']);

class TextOnlyInstruction extends Instruction {
  override getArguments(): [] {
    // dockerfile-ast itself looks for heredoc markers in RUN/COPY/ADD: there are none without a `<`.
    if (!HEREDOC_CAPABLE.has(this.getKeyword())) {
      throw new Error(`godock: ${this.getKeyword()} is built without arguments; add it to PARSED in src/parse/dockerfile-ast-speedups.ts to read them`);
    }
    return [];
  }
}

const MEMO = Symbol('godock.rawArguments');
type RawArgs = { getRawArguments(): unknown[] };
const proto = Instruction.prototype as unknown as RawArgs;
const originalRawArguments = proto.getRawArguments;
const originalCreateInstruction = Parser.createInstruction;

function memoizedRawArguments(this: RawArgs & { [MEMO]?: unknown[] }): unknown[] {
  // The cache lives on the instruction object itself (a WeakMap's ephemerons cost the GC more).
  const args = this[MEMO] ?? (this[MEMO] = originalRawArguments.call(this));
  return args.slice();
}

const textOnlyCreateInstruction: typeof Parser.createInstruction = (document, dockerfile, escapeChar, lineRange, instruction, instructionRange) => {
  const keyword = instruction.toUpperCase();
  if (PARSED.has(keyword) || (HEREDOC_CAPABLE.has(keyword) && document.getText(lineRange).includes('<'))) {
    return originalCreateInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange);
  }
  return new TextOnlyInstruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
};

/** Which speed-ups are on (the differential test turns each off and on). */
export function setSpeedups(on: { memoizeArguments: boolean; textOnly: boolean }): void {
  proto.getRawArguments = on.memoizeArguments ? memoizedRawArguments : originalRawArguments;
  Parser.createInstruction = on.textOnly ? textOnlyCreateInstruction : originalCreateInstruction;
}

let enabled = false;
/** Turns both speed-ups on, once per process (the Dockerfile adapter calls it before parsing). */
export function enableSpeedups(): void {
  if (enabled) return;
  enabled = true;
  setSpeedups({ memoizeArguments: true, textOnly: true });
}
