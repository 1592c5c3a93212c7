"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli.ts
var cli_exports = {};
__export(cli_exports, {
  main: () => main,
  runCli: () => runCli
});
module.exports = __toCommonJS(cli_exports);

// src/version.ts
var VERSION = true ? "0.1.0" : null.version;

// src/cli.ts
var USAGE = `godock ${VERSION} \u2014 Dockerfile, compose and env-file linter for secrets and Go toolchain env

Usage:
  godock lint [paths|globs\u2026] [options]   lint files and directories (default: .)
  godock env <container|service\u2026>       write a trimmed env-file from running containers
  godock rules                           list the rules
  godock explain <rule>                  print a rule's documentation

Run \`godock <command> --help\` for a command's options.
`;
async function main(argv, io) {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    // require(), not import(): each command is a CommonJS chunk of dist/ (scripts/build.mjs), and
    // import() would make Node scan the whole chunk for its exports first (~200 ms for lint's).
    case "lint":
      return require("./lint-command.js").runLint(rest, io);
    case "env":
      return require("./env-command.js").runEnv(rest, { stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY, env: io.env });
    case "rules":
    case "explain":
      return require("./rules-command.js").runRules([cmd, ...rest], io);
    case "--version":
    case "-v":
      io.stdout.write(`${VERSION}
`);
      return 0;
    case void 0:
    case "--help":
    case "-h":
    case "help":
      (cmd === void 0 ? io.stderr : io.stdout).write(USAGE);
      return cmd === void 0 ? 2 : 0;
    default:
      io.stderr.write(`godock: unknown command "${cmd}"

${USAGE}`);
      return 2;
  }
}
function internalError(e) {
  return require("./lint-command.js").internalErrorLine(e);
}
function guardProcess() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e) => {
      if (e.code !== "EPIPE") throw e;
    });
  }
  process.removeAllListeners("warning");
  process.on("warning", (w) => {
    if (w.name === "DeprecationWarning" || w.name === "ExperimentalWarning") return;
    process.stderr.write(`godock: warning from a library (${String(w.name).replace(/[^\w.-]/g, "?")}); rerun with --trace-warnings to see it
`);
  });
}
function runCli() {
  guardProcess();
  process.on("unhandledRejection", (e) => {
    process.stderr.write(internalError(e));
    process.exit(2);
  });
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // Opening stdin costs milliseconds; only `lint -` reads it.
    get stdin() {
      return process.stdin;
    },
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd()
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(internalError(e));
      process.exitCode = 2;
    }
  );
}
if (require.main === module) runCli();
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main,
  runCli
});
