"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/classify/mask.ts
function mask(value) {
  const len = [...value].length;
  const prefixLen = Math.min(4, Math.floor(len / 4));
  const prefix = [...value].slice(0, prefixLen).join("");
  return `${prefix}****(${len})`;
}
var init_mask = __esm({
  "src/classify/mask.ts"() {
    "use strict";
  }
});

// src/classify/assignments.ts
function scanAssignments(text, classify2, opts) {
  if (text.indexOf("=") < 0 && text.indexOf(":") < 0) return [];
  const out = [];
  ASSIGN_RE.lastIndex = 0;
  let m;
  while ((m = ASSIGN_RE.exec(text)) !== null) {
    const name = m[2];
    const raw = m[3];
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
    const value = quoted ? raw.slice(1, -1) : raw;
    const c = classify2(name, value, opts);
    if (!c.secret || c.reason !== "name" || !c.secretText) continue;
    const valueStart = m.index + m[0].length - raw.length + (quoted ? 1 : 0);
    const rel = value.indexOf(c.secretText);
    const start = valueStart + (rel >= 0 ? rel : 0);
    const secret = rel >= 0 ? c.secretText : value;
    out.push({ type: "Secret assignment", name, start, end: start + secret.length, text: secret });
  }
  return out;
}
var ASSIGN_RE;
var init_assignments = __esm({
  "src/classify/assignments.ts"() {
    "use strict";
    ASSIGN_RE = /(?<![\w.$/-])(["']?)([A-Za-z_][A-Za-z0-9_]{0,127}(?:[.-][A-Za-z0-9_]{1,64}){0,8})\1(?:[ \t]*=[ \t]*|[ \t]*:[ \t]+|(?<=["']):[ \t]*)("[^"\n]{0,2000}"|'[^'\n]{0,2000}'|(?:\$\{[^}\n]{0,256}\}|\$\([^)\n]{0,256}\)|\x60[^\x60\n]{0,256}\x60|\$(?![{(])|[^\s;&|"'#,}\]$\x60]){1,2000})/g;
  }
});

// src/go/env.ts
function isGoVar(name) {
  return GO_ENV_VARS.has(name);
}
var GO_ENV_VARS;
var init_env = __esm({
  "src/go/env.ts"() {
    "use strict";
    GO_ENV_VARS = /* @__PURE__ */ new Set([
      "AR",
      "CC",
      "CGO_CFLAGS",
      "CGO_CFLAGS_ALLOW",
      "CGO_CFLAGS_DISALLOW",
      "CGO_CPPFLAGS",
      "CGO_CPPFLAGS_ALLOW",
      "CGO_CPPFLAGS_DISALLOW",
      "CGO_CXXFLAGS",
      "CGO_CXXFLAGS_ALLOW",
      "CGO_CXXFLAGS_DISALLOW",
      "CGO_ENABLED",
      "CGO_FFLAGS",
      "CGO_FFLAGS_ALLOW",
      "CGO_FFLAGS_DISALLOW",
      "CGO_LDFLAGS",
      "CGO_LDFLAGS_ALLOW",
      "CGO_LDFLAGS_DISALLOW",
      "CXX",
      "FC",
      "GCCGO",
      "GO111MODULE",
      "GO386",
      "GOAMD64",
      "GOARCH",
      "GOARM",
      "GOARM64",
      "GOAUTH",
      "GOBIN",
      "GOCACHE",
      "GOCACHEPROG",
      "GOCOVERDIR",
      "GODEBUG",
      "GOENV",
      "GOEXE",
      "GOEXPERIMENT",
      "GOFIPS140",
      "GOFLAGS",
      "GOGCCFLAGS",
      "GOHOSTARCH",
      "GOHOSTOS",
      "GOINSECURE",
      "GOMIPS",
      "GOMIPS64",
      "GOMODCACHE",
      "GONOPROXY",
      "GONOSUMDB",
      "GOOS",
      "GOPATH",
      "GOPPC64",
      "GOPRIVATE",
      "GOPROXY",
      "GORISCV64",
      "GOROOT",
      "GOSUMDB",
      "GOTELEMETRY",
      "GOTELEMETRYDIR",
      "GOTMPDIR",
      "GOTOOLCHAIN",
      "GOTOOLDIR",
      "GOVCS",
      "GOVERSION",
      "GOWASM",
      "GOWORK",
      "GOMOD",
      "PKG_CONFIG",
      "GOGC",
      "GOMAXPROCS",
      "GOMEMLIMIT",
      "GOTRACEBACK"
    ]);
  }
});

// node_modules/braces/lib/utils.js
var require_utils = __commonJS({
  "node_modules/braces/lib/utils.js"(exports2) {
    "use strict";
    exports2.isInteger = (num) => {
      if (typeof num === "number") {
        return Number.isInteger(num);
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isInteger(Number(num));
      }
      return false;
    };
    exports2.find = (node, type) => node.nodes.find((node2) => node2.type === type);
    exports2.exceedsLimit = (min, max, step = 1, limit) => {
      if (limit === false) return false;
      if (!exports2.isInteger(min) || !exports2.isInteger(max)) return false;
      return (Number(max) - Number(min)) / Number(step) >= limit;
    };
    exports2.escapeNode = (block, n = 0, type) => {
      const node = block.nodes[n];
      if (!node) return;
      if (type && node.type === type || node.type === "open" || node.type === "close") {
        if (node.escaped !== true) {
          node.value = "\\" + node.value;
          node.escaped = true;
        }
      }
    };
    exports2.encloseBrace = (node) => {
      if (node.type !== "brace") return false;
      if (node.commas >> 0 + node.ranges >> 0 === 0) {
        node.invalid = true;
        return true;
      }
      return false;
    };
    exports2.isInvalidBrace = (block) => {
      if (block.type !== "brace") return false;
      if (block.invalid === true || block.dollar) return true;
      if (block.commas >> 0 + block.ranges >> 0 === 0) {
        block.invalid = true;
        return true;
      }
      if (block.open !== true || block.close !== true) {
        block.invalid = true;
        return true;
      }
      return false;
    };
    exports2.isOpenOrClose = (node) => {
      if (node.type === "open" || node.type === "close") {
        return true;
      }
      return node.open === true || node.close === true;
    };
    exports2.reduce = (nodes) => nodes.reduce((acc, node) => {
      if (node.type === "text") acc.push(node.value);
      if (node.type === "range") node.type = "text";
      return acc;
    }, []);
    exports2.flatten = (...args) => {
      const result = [];
      const flat = (arr) => {
        for (let i = 0; i < arr.length; i++) {
          const ele = arr[i];
          if (Array.isArray(ele)) {
            flat(ele);
            continue;
          }
          if (ele !== void 0) {
            result.push(ele);
          }
        }
        return result;
      };
      flat(args);
      return result;
    };
  }
});

// node_modules/braces/lib/stringify.js
var require_stringify = __commonJS({
  "node_modules/braces/lib/stringify.js"(exports2, module2) {
    "use strict";
    var utils = require_utils();
    module2.exports = (ast, options = {}) => {
      const stringify = (node, parent = {}) => {
        const invalidBlock = options.escapeInvalid && utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        let output = "";
        if (node.value) {
          if ((invalidBlock || invalidNode) && utils.isOpenOrClose(node)) {
            return "\\" + node.value;
          }
          return node.value;
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += stringify(child);
          }
        }
        return output;
      };
      return stringify(ast);
    };
  }
});

// node_modules/is-number/index.js
var require_is_number = __commonJS({
  "node_modules/is-number/index.js"(exports2, module2) {
    "use strict";
    module2.exports = function(num) {
      if (typeof num === "number") {
        return num - num === 0;
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isFinite ? Number.isFinite(+num) : isFinite(+num);
      }
      return false;
    };
  }
});

// node_modules/to-regex-range/index.js
var require_to_regex_range = __commonJS({
  "node_modules/to-regex-range/index.js"(exports2, module2) {
    "use strict";
    var isNumber = require_is_number();
    var toRegexRange = (min, max, options) => {
      if (isNumber(min) === false) {
        throw new TypeError("toRegexRange: expected the first argument to be a number");
      }
      if (max === void 0 || min === max) {
        return String(min);
      }
      if (isNumber(max) === false) {
        throw new TypeError("toRegexRange: expected the second argument to be a number.");
      }
      let opts = { relaxZeros: true, ...options };
      if (typeof opts.strictZeros === "boolean") {
        opts.relaxZeros = opts.strictZeros === false;
      }
      let relax = String(opts.relaxZeros);
      let shorthand = String(opts.shorthand);
      let capture = String(opts.capture);
      let wrap = String(opts.wrap);
      let cacheKey = min + ":" + max + "=" + relax + shorthand + capture + wrap;
      if (toRegexRange.cache.hasOwnProperty(cacheKey)) {
        return toRegexRange.cache[cacheKey].result;
      }
      let a = Math.min(min, max);
      let b = Math.max(min, max);
      if (Math.abs(a - b) === 1) {
        let result = min + "|" + max;
        if (opts.capture) {
          return `(${result})`;
        }
        if (opts.wrap === false) {
          return result;
        }
        return `(?:${result})`;
      }
      let isPadded = hasPadding(min) || hasPadding(max);
      let state = { min, max, a, b };
      let positives = [];
      let negatives = [];
      if (isPadded) {
        state.isPadded = isPadded;
        state.maxLen = String(state.max).length;
      }
      if (a < 0) {
        let newMin = b < 0 ? Math.abs(b) : 1;
        negatives = splitToPatterns(newMin, Math.abs(a), state, opts);
        a = state.a = 0;
      }
      if (b >= 0) {
        positives = splitToPatterns(a, b, state, opts);
      }
      state.negatives = negatives;
      state.positives = positives;
      state.result = collatePatterns(negatives, positives, opts);
      if (opts.capture === true) {
        state.result = `(${state.result})`;
      } else if (opts.wrap !== false && positives.length + negatives.length > 1) {
        state.result = `(?:${state.result})`;
      }
      toRegexRange.cache[cacheKey] = state;
      return state.result;
    };
    function collatePatterns(neg, pos, options) {
      let onlyNegative = filterPatterns(neg, pos, "-", false, options) || [];
      let onlyPositive = filterPatterns(pos, neg, "", false, options) || [];
      let intersected = filterPatterns(neg, pos, "-?", true, options) || [];
      let subpatterns = onlyNegative.concat(intersected).concat(onlyPositive);
      return subpatterns.join("|");
    }
    function splitToRanges(min, max) {
      let nines = 1;
      let zeros = 1;
      let stop = countNines(min, nines);
      let stops = /* @__PURE__ */ new Set([max]);
      while (min <= stop && stop <= max) {
        stops.add(stop);
        nines += 1;
        stop = countNines(min, nines);
      }
      stop = countZeros(max + 1, zeros) - 1;
      while (min < stop && stop <= max) {
        stops.add(stop);
        zeros += 1;
        stop = countZeros(max + 1, zeros) - 1;
      }
      stops = [...stops];
      stops.sort(compare);
      return stops;
    }
    function rangeToPattern(start, stop, options) {
      if (start === stop) {
        return { pattern: start, count: [], digits: 0 };
      }
      let zipped = zip(start, stop);
      let digits = zipped.length;
      let pattern = "";
      let count = 0;
      for (let i = 0; i < digits; i++) {
        let [startDigit, stopDigit] = zipped[i];
        if (startDigit === stopDigit) {
          pattern += startDigit;
        } else if (startDigit !== "0" || stopDigit !== "9") {
          pattern += toCharacterClass(startDigit, stopDigit, options);
        } else {
          count++;
        }
      }
      if (count) {
        pattern += options.shorthand === true ? "\\d" : "[0-9]";
      }
      return { pattern, count: [count], digits };
    }
    function splitToPatterns(min, max, tok, options) {
      let ranges = splitToRanges(min, max);
      let tokens = [];
      let start = min;
      let prev;
      for (let i = 0; i < ranges.length; i++) {
        let max2 = ranges[i];
        let obj = rangeToPattern(String(start), String(max2), options);
        let zeros = "";
        if (!tok.isPadded && prev && prev.pattern === obj.pattern) {
          if (prev.count.length > 1) {
            prev.count.pop();
          }
          prev.count.push(obj.count[0]);
          prev.string = prev.pattern + toQuantifier(prev.count);
          start = max2 + 1;
          continue;
        }
        if (tok.isPadded) {
          zeros = padZeros(max2, tok, options);
        }
        obj.string = zeros + obj.pattern + toQuantifier(obj.count);
        tokens.push(obj);
        start = max2 + 1;
        prev = obj;
      }
      return tokens;
    }
    function filterPatterns(arr, comparison, prefix, intersection, options) {
      let result = [];
      for (let ele of arr) {
        let { string } = ele;
        if (!intersection && !contains(comparison, "string", string)) {
          result.push(prefix + string);
        }
        if (intersection && contains(comparison, "string", string)) {
          result.push(prefix + string);
        }
      }
      return result;
    }
    function zip(a, b) {
      let arr = [];
      for (let i = 0; i < a.length; i++) arr.push([a[i], b[i]]);
      return arr;
    }
    function compare(a, b) {
      return a > b ? 1 : b > a ? -1 : 0;
    }
    function contains(arr, key, val) {
      return arr.some((ele) => ele[key] === val);
    }
    function countNines(min, len) {
      return Number(String(min).slice(0, -len) + "9".repeat(len));
    }
    function countZeros(integer, zeros) {
      return integer - integer % Math.pow(10, zeros);
    }
    function toQuantifier(digits) {
      let [start = 0, stop = ""] = digits;
      if (stop || start > 1) {
        return `{${start + (stop ? "," + stop : "")}}`;
      }
      return "";
    }
    function toCharacterClass(a, b, options) {
      return `[${a}${b - a === 1 ? "" : "-"}${b}]`;
    }
    function hasPadding(str) {
      return /^-?(0+)\d/.test(str);
    }
    function padZeros(value, tok, options) {
      if (!tok.isPadded) {
        return value;
      }
      let diff = Math.abs(tok.maxLen - String(value).length);
      let relax = options.relaxZeros !== false;
      switch (diff) {
        case 0:
          return "";
        case 1:
          return relax ? "0?" : "0";
        case 2:
          return relax ? "0{0,2}" : "00";
        default: {
          return relax ? `0{0,${diff}}` : `0{${diff}}`;
        }
      }
    }
    toRegexRange.cache = {};
    toRegexRange.clearCache = () => toRegexRange.cache = {};
    module2.exports = toRegexRange;
  }
});

// node_modules/fill-range/index.js
var require_fill_range = __commonJS({
  "node_modules/fill-range/index.js"(exports2, module2) {
    "use strict";
    var util = require("util");
    var toRegexRange = require_to_regex_range();
    var isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    var transform = (toNumber) => {
      return (value) => toNumber === true ? Number(value) : String(value);
    };
    var isValidValue = (value) => {
      return typeof value === "number" || typeof value === "string" && value !== "";
    };
    var isNumber = (num) => Number.isInteger(+num);
    var zeros = (input) => {
      let value = `${input}`;
      let index = -1;
      if (value[0] === "-") value = value.slice(1);
      if (value === "0") return false;
      while (value[++index] === "0") ;
      return index > 0;
    };
    var stringify = (start, end, options) => {
      if (typeof start === "string" || typeof end === "string") {
        return true;
      }
      return options.stringify === true;
    };
    var pad = (input, maxLength2, toNumber) => {
      if (maxLength2 > 0) {
        let dash = input[0] === "-" ? "-" : "";
        if (dash) input = input.slice(1);
        input = dash + input.padStart(dash ? maxLength2 - 1 : maxLength2, "0");
      }
      if (toNumber === false) {
        return String(input);
      }
      return input;
    };
    var toMaxLen = (input, maxLength2) => {
      let negative = input[0] === "-" ? "-" : "";
      if (negative) {
        input = input.slice(1);
        maxLength2--;
      }
      while (input.length < maxLength2) input = "0" + input;
      return negative ? "-" + input : input;
    };
    var toSequence = (parts, options, maxLen) => {
      parts.negatives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      parts.positives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      let prefix = options.capture ? "" : "?:";
      let positives = "";
      let negatives = "";
      let result;
      if (parts.positives.length) {
        positives = parts.positives.map((v) => toMaxLen(String(v), maxLen)).join("|");
      }
      if (parts.negatives.length) {
        negatives = `-(${prefix}${parts.negatives.map((v) => toMaxLen(String(v), maxLen)).join("|")})`;
      }
      if (positives && negatives) {
        result = `${positives}|${negatives}`;
      } else {
        result = positives || negatives;
      }
      if (options.wrap) {
        return `(${prefix}${result})`;
      }
      return result;
    };
    var toRange = (a, b, isNumbers, options) => {
      if (isNumbers) {
        return toRegexRange(a, b, { wrap: false, ...options });
      }
      let start = String.fromCharCode(a);
      if (a === b) return start;
      let stop = String.fromCharCode(b);
      return `[${start}-${stop}]`;
    };
    var toRegex = (start, end, options) => {
      if (Array.isArray(start)) {
        let wrap = options.wrap === true;
        let prefix = options.capture ? "" : "?:";
        return wrap ? `(${prefix}${start.join("|")})` : start.join("|");
      }
      return toRegexRange(start, end, options);
    };
    var rangeError = (...args) => {
      return new RangeError("Invalid range arguments: " + util.inspect(...args));
    };
    var invalidRange = (start, end, options) => {
      if (options.strictRanges === true) throw rangeError([start, end]);
      return [];
    };
    var invalidStep = (step, options) => {
      if (options.strictRanges === true) {
        throw new TypeError(`Expected step "${step}" to be a number`);
      }
      return [];
    };
    var fillNumbers = (start, end, step = 1, options = {}) => {
      let a = Number(start);
      let b = Number(end);
      if (!Number.isInteger(a) || !Number.isInteger(b)) {
        if (options.strictRanges === true) throw rangeError([start, end]);
        return [];
      }
      if (a === 0) a = 0;
      if (b === 0) b = 0;
      let descending = a > b;
      let startString = String(start);
      let endString = String(end);
      let stepString = String(step);
      step = Math.max(Math.abs(step), 1);
      let padded = zeros(startString) || zeros(endString) || zeros(stepString);
      let maxLen = padded ? Math.max(startString.length, endString.length, stepString.length) : 0;
      let toNumber = padded === false && stringify(start, end, options) === false;
      let format = options.transform || transform(toNumber);
      if (options.toRegex && step === 1) {
        return toRange(toMaxLen(start, maxLen), toMaxLen(end, maxLen), true, options);
      }
      let parts = { negatives: [], positives: [] };
      let push = (num) => parts[num < 0 ? "negatives" : "positives"].push(Math.abs(num));
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        if (options.toRegex === true && step > 1) {
          push(a);
        } else {
          range.push(pad(format(a, index), maxLen, toNumber));
        }
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return step > 1 ? toSequence(parts, options, maxLen) : toRegex(range, null, { wrap: false, ...options });
      }
      return range;
    };
    var fillLetters = (start, end, step = 1, options = {}) => {
      if (!isNumber(start) && start.length > 1 || !isNumber(end) && end.length > 1) {
        return invalidRange(start, end, options);
      }
      let format = options.transform || ((val) => String.fromCharCode(val));
      let a = `${start}`.charCodeAt(0);
      let b = `${end}`.charCodeAt(0);
      let descending = a > b;
      let min = Math.min(a, b);
      let max = Math.max(a, b);
      if (options.toRegex && step === 1) {
        return toRange(min, max, false, options);
      }
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        range.push(format(a, index));
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return toRegex(range, null, { wrap: false, options });
      }
      return range;
    };
    var fill = (start, end, step, options = {}) => {
      if (end == null && isValidValue(start)) {
        return [start];
      }
      if (!isValidValue(start) || !isValidValue(end)) {
        return invalidRange(start, end, options);
      }
      if (typeof step === "function") {
        return fill(start, end, 1, { transform: step });
      }
      if (isObject(step)) {
        return fill(start, end, 0, step);
      }
      let opts = { ...options };
      if (opts.capture === true) opts.wrap = true;
      step = step || opts.step || 1;
      if (!isNumber(step)) {
        if (step != null && !isObject(step)) return invalidStep(step, opts);
        return fill(start, end, 1, step);
      }
      if (isNumber(start) && isNumber(end)) {
        return fillNumbers(start, end, step, opts);
      }
      return fillLetters(start, end, Math.max(Math.abs(step), 1), opts);
    };
    module2.exports = fill;
  }
});

// node_modules/braces/lib/compile.js
var require_compile = __commonJS({
  "node_modules/braces/lib/compile.js"(exports2, module2) {
    "use strict";
    var fill = require_fill_range();
    var utils = require_utils();
    var compile3 = (ast, options = {}) => {
      const walk = (node, parent = {}) => {
        const invalidBlock = utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        const invalid = invalidBlock === true || invalidNode === true;
        const prefix = options.escapeInvalid === true ? "\\" : "";
        let output = "";
        if (node.isOpen === true) {
          return prefix + node.value;
        }
        if (node.isClose === true) {
          console.log("node.isClose", prefix, node.value);
          return prefix + node.value;
        }
        if (node.type === "open") {
          return invalid ? prefix + node.value : "(";
        }
        if (node.type === "close") {
          return invalid ? prefix + node.value : ")";
        }
        if (node.type === "comma") {
          return node.prev.type === "comma" ? "" : invalid ? node.value : "|";
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          const range = fill(...args, { ...options, wrap: false, toRegex: true, strictZeros: true });
          if (range.length !== 0) {
            return args.length > 1 && range.length > 1 ? `(${range})` : range;
          }
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += walk(child, node);
          }
        }
        return output;
      };
      return walk(ast);
    };
    module2.exports = compile3;
  }
});

// node_modules/braces/lib/expand.js
var require_expand = __commonJS({
  "node_modules/braces/lib/expand.js"(exports2, module2) {
    "use strict";
    var fill = require_fill_range();
    var stringify = require_stringify();
    var utils = require_utils();
    var append = (queue = "", stash = "", enclose = false) => {
      const result = [];
      queue = [].concat(queue);
      stash = [].concat(stash);
      if (!stash.length) return queue;
      if (!queue.length) {
        return enclose ? utils.flatten(stash).map((ele) => `{${ele}}`) : stash;
      }
      for (const item of queue) {
        if (Array.isArray(item)) {
          for (const value of item) {
            result.push(append(value, stash, enclose));
          }
        } else {
          for (let ele of stash) {
            if (enclose === true && typeof ele === "string") ele = `{${ele}}`;
            result.push(Array.isArray(ele) ? append(item, ele, enclose) : item + ele);
          }
        }
      }
      return utils.flatten(result);
    };
    var expand = (ast, options = {}) => {
      const rangeLimit = options.rangeLimit === void 0 ? 1e3 : options.rangeLimit;
      const walk = (node, parent = {}) => {
        node.queue = [];
        let p = parent;
        let q = parent.queue;
        while (p.type !== "brace" && p.type !== "root" && p.parent) {
          p = p.parent;
          q = p.queue;
        }
        if (node.invalid || node.dollar) {
          q.push(append(q.pop(), stringify(node, options)));
          return;
        }
        if (node.type === "brace" && node.invalid !== true && node.nodes.length === 2) {
          q.push(append(q.pop(), ["{}"]));
          return;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          if (utils.exceedsLimit(...args, options.step, rangeLimit)) {
            throw new RangeError("expanded array length exceeds range limit. Use options.rangeLimit to increase or disable the limit.");
          }
          let range = fill(...args, options);
          if (range.length === 0) {
            range = stringify(node, options);
          }
          q.push(append(q.pop(), range));
          node.nodes = [];
          return;
        }
        const enclose = utils.encloseBrace(node);
        let queue = node.queue;
        let block = node;
        while (block.type !== "brace" && block.type !== "root" && block.parent) {
          block = block.parent;
          queue = block.queue;
        }
        for (let i = 0; i < node.nodes.length; i++) {
          const child = node.nodes[i];
          if (child.type === "comma" && node.type === "brace") {
            if (i === 1) queue.push("");
            queue.push("");
            continue;
          }
          if (child.type === "close") {
            q.push(append(q.pop(), queue, enclose));
            continue;
          }
          if (child.value && child.type !== "open") {
            queue.push(append(queue.pop(), child.value));
            continue;
          }
          if (child.nodes) {
            walk(child, node);
          }
        }
        return queue;
      };
      return utils.flatten(walk(ast));
    };
    module2.exports = expand;
  }
});

// node_modules/braces/lib/constants.js
var require_constants = __commonJS({
  "node_modules/braces/lib/constants.js"(exports2, module2) {
    "use strict";
    module2.exports = {
      MAX_LENGTH: 1e4,
      // Digits
      CHAR_0: "0",
      /* 0 */
      CHAR_9: "9",
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: "A",
      /* A */
      CHAR_LOWERCASE_A: "a",
      /* a */
      CHAR_UPPERCASE_Z: "Z",
      /* Z */
      CHAR_LOWERCASE_Z: "z",
      /* z */
      CHAR_LEFT_PARENTHESES: "(",
      /* ( */
      CHAR_RIGHT_PARENTHESES: ")",
      /* ) */
      CHAR_ASTERISK: "*",
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: "&",
      /* & */
      CHAR_AT: "@",
      /* @ */
      CHAR_BACKSLASH: "\\",
      /* \ */
      CHAR_BACKTICK: "`",
      /* ` */
      CHAR_CARRIAGE_RETURN: "\r",
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: "^",
      /* ^ */
      CHAR_COLON: ":",
      /* : */
      CHAR_COMMA: ",",
      /* , */
      CHAR_DOLLAR: "$",
      /* . */
      CHAR_DOT: ".",
      /* . */
      CHAR_DOUBLE_QUOTE: '"',
      /* " */
      CHAR_EQUAL: "=",
      /* = */
      CHAR_EXCLAMATION_MARK: "!",
      /* ! */
      CHAR_FORM_FEED: "\f",
      /* \f */
      CHAR_FORWARD_SLASH: "/",
      /* / */
      CHAR_HASH: "#",
      /* # */
      CHAR_HYPHEN_MINUS: "-",
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: "<",
      /* < */
      CHAR_LEFT_CURLY_BRACE: "{",
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: "[",
      /* [ */
      CHAR_LINE_FEED: "\n",
      /* \n */
      CHAR_NO_BREAK_SPACE: "\xA0",
      /* \u00A0 */
      CHAR_PERCENT: "%",
      /* % */
      CHAR_PLUS: "+",
      /* + */
      CHAR_QUESTION_MARK: "?",
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: ">",
      /* > */
      CHAR_RIGHT_CURLY_BRACE: "}",
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: "]",
      /* ] */
      CHAR_SEMICOLON: ";",
      /* ; */
      CHAR_SINGLE_QUOTE: "'",
      /* ' */
      CHAR_SPACE: " ",
      /*   */
      CHAR_TAB: "	",
      /* \t */
      CHAR_UNDERSCORE: "_",
      /* _ */
      CHAR_VERTICAL_LINE: "|",
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: "\uFEFF"
      /* \uFEFF */
    };
  }
});

// node_modules/braces/lib/parse.js
var require_parse = __commonJS({
  "node_modules/braces/lib/parse.js"(exports2, module2) {
    "use strict";
    var stringify = require_stringify();
    var {
      MAX_LENGTH,
      CHAR_BACKSLASH,
      /* \ */
      CHAR_BACKTICK,
      /* ` */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_RIGHT_SQUARE_BRACKET,
      /* ] */
      CHAR_DOUBLE_QUOTE,
      /* " */
      CHAR_SINGLE_QUOTE,
      /* ' */
      CHAR_NO_BREAK_SPACE,
      CHAR_ZERO_WIDTH_NOBREAK_SPACE
    } = require_constants();
    var parse = (input, options = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      const opts = options || {};
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      if (input.length > max) {
        throw new SyntaxError(`Input length (${input.length}), exceeds max characters (${max})`);
      }
      const ast = { type: "root", input, nodes: [] };
      const stack = [ast];
      let block = ast;
      let prev = ast;
      let brackets = 0;
      const length = input.length;
      let index = 0;
      let depth = 0;
      let value;
      const advance = () => input[index++];
      const push = (node) => {
        if (node.type === "text" && prev.type === "dot") {
          prev.type = "text";
        }
        if (prev && prev.type === "text" && node.type === "text") {
          prev.value += node.value;
          return;
        }
        block.nodes.push(node);
        node.parent = block;
        node.prev = prev;
        prev = node;
        return node;
      };
      push({ type: "bos" });
      while (index < length) {
        block = stack[stack.length - 1];
        value = advance();
        if (value === CHAR_ZERO_WIDTH_NOBREAK_SPACE || value === CHAR_NO_BREAK_SPACE) {
          continue;
        }
        if (value === CHAR_BACKSLASH) {
          push({ type: "text", value: (options.keepEscaping ? value : "") + advance() });
          continue;
        }
        if (value === CHAR_RIGHT_SQUARE_BRACKET) {
          push({ type: "text", value: "\\" + value });
          continue;
        }
        if (value === CHAR_LEFT_SQUARE_BRACKET) {
          brackets++;
          let next;
          while (index < length && (next = advance())) {
            value += next;
            if (next === CHAR_LEFT_SQUARE_BRACKET) {
              brackets++;
              continue;
            }
            if (next === CHAR_BACKSLASH) {
              value += advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              brackets--;
              if (brackets === 0) {
                break;
              }
            }
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_PARENTHESES) {
          block = push({ type: "paren", nodes: [] });
          stack.push(block);
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_RIGHT_PARENTHESES) {
          if (block.type !== "paren") {
            push({ type: "text", value });
            continue;
          }
          block = stack.pop();
          push({ type: "text", value });
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_DOUBLE_QUOTE || value === CHAR_SINGLE_QUOTE || value === CHAR_BACKTICK) {
          const open = value;
          let next;
          if (options.keepQuotes !== true) {
            value = "";
          }
          while (index < length && (next = advance())) {
            if (next === CHAR_BACKSLASH) {
              value += next + advance();
              continue;
            }
            if (next === open) {
              if (options.keepQuotes === true) value += next;
              break;
            }
            value += next;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_CURLY_BRACE) {
          depth++;
          const dollar = prev.value && prev.value.slice(-1) === "$" || block.dollar === true;
          const brace = {
            type: "brace",
            open: true,
            close: false,
            dollar,
            depth,
            commas: 0,
            ranges: 0,
            nodes: []
          };
          block = push(brace);
          stack.push(block);
          push({ type: "open", value });
          continue;
        }
        if (value === CHAR_RIGHT_CURLY_BRACE) {
          if (block.type !== "brace") {
            push({ type: "text", value });
            continue;
          }
          const type = "close";
          block = stack.pop();
          block.close = true;
          push({ type, value });
          depth--;
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_COMMA && depth > 0) {
          if (block.ranges > 0) {
            block.ranges = 0;
            const open = block.nodes.shift();
            block.nodes = [open, { type: "text", value: stringify(block) }];
          }
          push({ type: "comma", value });
          block.commas++;
          continue;
        }
        if (value === CHAR_DOT && depth > 0 && block.commas === 0) {
          const siblings = block.nodes;
          if (depth === 0 || siblings.length === 0) {
            push({ type: "text", value });
            continue;
          }
          if (prev.type === "dot") {
            block.range = [];
            prev.value += value;
            prev.type = "range";
            if (block.nodes.length !== 3 && block.nodes.length !== 5) {
              block.invalid = true;
              block.ranges = 0;
              prev.type = "text";
              continue;
            }
            block.ranges++;
            block.args = [];
            continue;
          }
          if (prev.type === "range") {
            siblings.pop();
            const before = siblings[siblings.length - 1];
            before.value += prev.value + value;
            prev = before;
            block.ranges--;
            continue;
          }
          push({ type: "dot", value });
          continue;
        }
        push({ type: "text", value });
      }
      do {
        block = stack.pop();
        if (block.type !== "root") {
          block.nodes.forEach((node) => {
            if (!node.nodes) {
              if (node.type === "open") node.isOpen = true;
              if (node.type === "close") node.isClose = true;
              if (!node.nodes) node.type = "text";
              node.invalid = true;
            }
          });
          const parent = stack[stack.length - 1];
          const index2 = parent.nodes.indexOf(block);
          parent.nodes.splice(index2, 1, ...block.nodes);
        }
      } while (stack.length > 0);
      push({ type: "eos" });
      return ast;
    };
    module2.exports = parse;
  }
});

// node_modules/braces/index.js
var require_braces = __commonJS({
  "node_modules/braces/index.js"(exports2, module2) {
    "use strict";
    var stringify = require_stringify();
    var compile3 = require_compile();
    var expand = require_expand();
    var parse = require_parse();
    var braces = (input, options = {}) => {
      let output = [];
      if (Array.isArray(input)) {
        for (const pattern of input) {
          const result = braces.create(pattern, options);
          if (Array.isArray(result)) {
            output.push(...result);
          } else {
            output.push(result);
          }
        }
      } else {
        output = [].concat(braces.create(input, options));
      }
      if (options && options.expand === true && options.nodupes === true) {
        output = [...new Set(output)];
      }
      return output;
    };
    braces.parse = (input, options = {}) => parse(input, options);
    braces.stringify = (input, options = {}) => {
      if (typeof input === "string") {
        return stringify(braces.parse(input, options), options);
      }
      return stringify(input, options);
    };
    braces.compile = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      return compile3(input, options);
    };
    braces.expand = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      let result = expand(input, options);
      if (options.noempty === true) {
        result = result.filter(Boolean);
      }
      if (options.nodupes === true) {
        result = [...new Set(result)];
      }
      return result;
    };
    braces.create = (input, options = {}) => {
      if (input === "" || input.length < 3) {
        return [input];
      }
      return options.expand !== true ? braces.compile(input, options) : braces.expand(input, options);
    };
    module2.exports = braces;
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/constants.js
var require_constants2 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/constants.js"(exports2, module2) {
    "use strict";
    var path = require("path");
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      SEP: path.sep,
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/utils.js
var require_utils2 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/utils.js"(exports2) {
    "use strict";
    var path = require("path");
    var win32 = process.platform === "win32";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants2();
    exports2.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports2.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports2.isRegexChar = (str) => str.length === 1 && exports2.hasRegexChars(str);
    exports2.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports2.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports2.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports2.supportsLookbehinds = () => {
      const segs = process.version.slice(1).split(".").map(Number);
      if (segs.length === 3 && segs[0] >= 9 || segs[0] === 8 && segs[1] >= 10) {
        return true;
      }
      return false;
    };
    exports2.isWindows = (options) => {
      if (options && typeof options.windows === "boolean") {
        return options.windows;
      }
      return win32 === true || path.sep === "\\";
    };
    exports2.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports2.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports2.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports2.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/scan.js"(exports2, module2) {
    "use strict";
    var utils = require_utils2();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants2();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob2 = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob2 = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  code = advance();
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES) {
                  isGlob2 = token.isGlob = true;
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob2 = token.isGlob = true;
          if (scanToEnd === true) {
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_LEFT_PARENTHESES) {
                backslashes = token.backslashes = true;
                code = advance();
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob2 === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob2 = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob2 === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob2 === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob: isGlob2,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n = prevIndex ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value = input.slice(n, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (idx !== 0 || value !== "") {
            parts.push(value);
          }
          prevIndex = i;
        }
        if (prevIndex && prevIndex + 1 < input.length) {
          const value = input.slice(prevIndex + 1);
          parts.push(value);
          if (opts.tokens) {
            tokens[tokens.length - 1].value = value;
            depth(tokens[tokens.length - 1]);
            state.maxDepth += tokens[tokens.length - 1].depth;
          }
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/parse.js
var require_parse2 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants = require_constants2();
    var utils = require_utils2();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var getStarExtglobSequenceOutput = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      for (const branch of branches) {
        const safeOutput = getStarExtglobSequenceOutput(branch);
        if (safeOutput) {
          return { risky: true, safeOutput };
        }
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const win32 = utils.isWindows(options);
      const PLATFORM_CHARS = constants.globChars(win32);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.value += tok.value;
          prev.output = (prev.output || "") + tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal2 = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal2;
          open.output = safeOutput || utils.escapeRegex(literal2);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (next === "<" && !utils.supportsLookbehinds()) {
              throw new Error("Node.js v10 or higher is required for regex lookbehinds");
            }
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && eos()) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const win32 = utils.isWindows(options);
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(win32);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module2.exports = parse;
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    var path = require("path");
    var scan = require_scan();
    var parse = require_parse2();
    var utils = require_utils2();
    var constants = require_constants2();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = utils.isWindows(options);
      const regex = isState ? picomatch.compileRe(glob, options) : picomatch.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch.matchBase = (input, glob, options, posix = utils.isWindows(options)) => {
      const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
      return regex.test(path.basename(input));
    };
    picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    picomatch.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch.scan = (input, options) => scan(input, options);
    picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch.constants = constants;
    module2.exports = picomatch;
  }
});

// node_modules/micromatch/node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/index.js"(exports2, module2) {
    "use strict";
    module2.exports = require_picomatch();
  }
});

// node_modules/micromatch/index.js
var require_micromatch = __commonJS({
  "node_modules/micromatch/index.js"(exports2, module2) {
    "use strict";
    var util = require("util");
    var braces = require_braces();
    var picomatch = require_picomatch2();
    var utils = require_utils2();
    var isEmptyString = (v) => v === "" || v === "./";
    var hasBraces = (v) => {
      const index = v.indexOf("{");
      return index > -1 && v.indexOf("}", index) > -1;
    };
    var micromatch2 = (list, patterns, options) => {
      patterns = [].concat(patterns);
      list = [].concat(list);
      let omit = /* @__PURE__ */ new Set();
      let keep = /* @__PURE__ */ new Set();
      let items = /* @__PURE__ */ new Set();
      let negatives = 0;
      let onResult = (state) => {
        items.add(state.output);
        if (options && options.onResult) {
          options.onResult(state);
        }
      };
      for (let i = 0; i < patterns.length; i++) {
        let isMatch = picomatch(String(patterns[i]), { ...options, onResult }, true);
        let negated = isMatch.state.negated || isMatch.state.negatedExtglob;
        if (negated) negatives++;
        for (let item of list) {
          let matched = isMatch(item, true);
          let match = negated ? !matched.isMatch : matched.isMatch;
          if (!match) continue;
          if (negated) {
            omit.add(matched.output);
          } else {
            omit.delete(matched.output);
            keep.add(matched.output);
          }
        }
      }
      let result = negatives === patterns.length ? [...items] : [...keep];
      let matches = result.filter((item) => !omit.has(item));
      if (options && matches.length === 0) {
        if (options.failglob === true) {
          throw new Error(`No matches found for "${patterns.join(", ")}"`);
        }
        if (options.nonull === true || options.nullglob === true) {
          return options.unescape ? patterns.map((p) => p.replace(/\\/g, "")) : patterns;
        }
      }
      return matches;
    };
    micromatch2.match = micromatch2;
    micromatch2.matcher = (pattern, options) => picomatch(pattern, options);
    micromatch2.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    micromatch2.any = micromatch2.isMatch;
    micromatch2.not = (list, patterns, options = {}) => {
      patterns = [].concat(patterns).map(String);
      let result = /* @__PURE__ */ new Set();
      let items = [];
      let onResult = (state) => {
        if (options.onResult) options.onResult(state);
        items.push(state.output);
      };
      let matches = new Set(micromatch2(list, patterns, { ...options, onResult }));
      for (let item of items) {
        if (!matches.has(item)) {
          result.add(item);
        }
      }
      return [...result];
    };
    micromatch2.contains = (str, pattern, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      if (Array.isArray(pattern)) {
        return pattern.some((p) => micromatch2.contains(str, p, options));
      }
      if (typeof pattern === "string") {
        if (isEmptyString(str) || isEmptyString(pattern)) {
          return false;
        }
        if (str.includes(pattern) || str.startsWith("./") && str.slice(2).includes(pattern)) {
          return true;
        }
      }
      return micromatch2.isMatch(str, pattern, { ...options, contains: true });
    };
    micromatch2.matchKeys = (obj, patterns, options) => {
      if (!utils.isObject(obj)) {
        throw new TypeError("Expected the first argument to be an object");
      }
      let keys = micromatch2(Object.keys(obj), patterns, options);
      let res = {};
      for (let key of keys) res[key] = obj[key];
      return res;
    };
    micromatch2.some = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (items.some((item) => isMatch(item))) {
          return true;
        }
      }
      return false;
    };
    micromatch2.every = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (!items.every((item) => isMatch(item))) {
          return false;
        }
      }
      return true;
    };
    micromatch2.all = (str, patterns, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      return [].concat(patterns).every((p) => picomatch(p, options)(str));
    };
    micromatch2.capture = (glob, input, options) => {
      let posix = utils.isWindows(options);
      let regex = picomatch.makeRe(String(glob), { ...options, capture: true });
      let match = regex.exec(posix ? utils.toPosixSlashes(input) : input);
      if (match) {
        return match.slice(1).map((v) => v === void 0 ? "" : v);
      }
    };
    micromatch2.makeRe = (...args) => picomatch.makeRe(...args);
    micromatch2.scan = (...args) => picomatch.scan(...args);
    micromatch2.parse = (patterns, options) => {
      let res = [];
      for (let pattern of [].concat(patterns || [])) {
        for (let str of braces(String(pattern), options)) {
          res.push(picomatch.parse(str, options));
        }
      }
      return res;
    };
    micromatch2.braces = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      if (options && options.nobrace === true || !hasBraces(pattern)) {
        return [pattern];
      }
      return braces(pattern, options);
    };
    micromatch2.braceExpand = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      return micromatch2.braces(pattern, { ...options, expand: true });
    };
    micromatch2.hasBraces = hasBraces;
    module2.exports = micromatch2;
  }
});

// src/util/safe-text.ts
var safe_text_exports = {};
__export(safe_text_exports, {
  displayName: () => displayName,
  noWorkflowCommands: () => noWorkflowCommands,
  visible: () => visible
});
function escapeChar(c) {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function visible(s) {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, escapeChar) : s;
}
function displayName(name) {
  if (PLAIN_NAME.test(name)) return name;
  const cut = name.search(/[:=\s]/);
  const head = cut < 0 ? name : `${name.slice(0, cut)}\u2026`;
  return `"${visible(head).replace(/"/g, '\\"')}"`;
}
function noWorkflowCommands(text) {
  return text.replace(/^([ \t]*):(?=:)/gm, "$1\\x3a");
}
var UNSAFE, NAMED, PLAIN_NAME;
var init_safe_text = __esm({
  "src/util/safe-text.ts"() {
    "use strict";
    UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
    NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t", "\x1B": "\\e" };
    PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
  }
});

// src/util/glob.ts
function isGlob(p) {
  return import_micromatch.default.scan(p).isGlob;
}
function globMatcher(glob, opts = {}) {
  const key = `${opts.nocase ? "i" : "-"}${opts.dot ? "d" : "-"}${glob}`;
  let m = cache.get(key);
  if (!m) {
    if (cache.size >= 1e3) cache.clear();
    cache.set(key, m = compile(glob, opts));
  }
  return m;
}
function shown(glob) {
  const cut = glob.length > 60 ? `${glob.slice(0, 60)}\u2026` : glob;
  return `"${visible(cut).replace(/"/g, '\\"')}"`;
}
function compile(glob, opts) {
  if (glob === "") throw new GlobError(glob, "glob is empty");
  if (glob.length > MAX_GLOB_LENGTH)
    throw new GlobError(glob, `glob ${shown(glob)} is too long (more than ${MAX_GLOB_LENGTH} characters); shorten it`);
  const mmOpts = { nocase: opts.nocase === true, dot: opts.dot === true };
  let re;
  try {
    re = import_micromatch.default.makeRe(glob, mmOpts);
  } catch (e) {
    throw new GlobError(glob, `glob ${shown(glob)} is invalid (${visible(String(e.message).split("\n")[0] ?? "")})`);
  }
  let test;
  try {
    const prog = program(parseRegex(re.source, re.flags));
    test = (s) => run(prog, s, 0, true);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    if (wildcards(glob) > MAX_FALLBACK_WILDCARDS)
      throw new GlobError(
        glob,
        `glob ${shown(glob)} is too complex (more than ${MAX_FALLBACK_WILDCARDS} wildcards, groups or escapes around syntax that cannot be matched in linear time); simplify it`
      );
    test = (s) => re.test(s);
  }
  return (s) => {
    if (s === "") return false;
    const out = WINDOWS ? s.replace(/\\/g, "/") : s;
    return s === glob || out === glob || test(out);
  };
}
function wildcards(glob) {
  return (glob.match(/\*+|[?([{\\]/g) ?? []).length;
}
function charTest(source, flags) {
  if (source === "[^/]") return (c) => c !== "/";
  const re = new RegExp(`^(?:${source})$`, flags);
  const memo = /* @__PURE__ */ new Map();
  return (c) => {
    let r = memo.get(c);
    if (r === void 0) memo.set(c, r = re.test(c));
    return r;
  };
}
function literal(c, flags) {
  if (!flags.includes("i")) return { t: "char", test: (x) => x === c };
  return { t: "char", test: charTest(`\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`, flags) };
}
function maxLength(a) {
  switch (a.t) {
    case "char":
      return 1;
    case "seq":
      return a.items.reduce((n, x) => n + maxLength(x), 0);
    case "alt":
      return Math.max(...a.alts.map(maxLength));
    case "star":
    case "plus":
      return Infinity;
    case "opt":
      return maxLength(a.body);
    default:
      return 0;
  }
}
function parseRegex(src, flags) {
  if (/[^i]/.test(flags)) throw new Unsupported(`regex flags ${flags}`);
  let i = 0;
  const alt = () => {
    const alts = [seq()];
    while (src[i] === "|") {
      i++;
      alts.push(seq());
    }
    return alts.length === 1 ? alts[0] : { t: "alt", alts };
  };
  const seq = () => {
    const items = [];
    while (i < src.length && src[i] !== "|" && src[i] !== ")") {
      const a = quantified(atom());
      if (a.t === "look" && maxLength(a.body) === Infinity && items[items.length - 1]?.t !== "bol")
        throw new Unsupported("unbounded lookahead");
      items.push(a);
    }
    return { t: "seq", items };
  };
  const atom = () => {
    const c = src[i++];
    switch (c) {
      case "(": {
        let look = null;
        if (src[i] === "?") {
          const k = src[i + 1];
          if (k === "=" || k === "!") look = k === "!";
          else if (k !== ":") throw new Unsupported("group syntax");
          i += 2;
        }
        const body = alt();
        if (src[i++] !== ")") throw new Unsupported("unbalanced group");
        return look === null ? body : { t: "look", neg: look, body };
      }
      case "[": {
        let j = i;
        while (j < src.length && src[j] !== "]") j += src[j] === "\\" ? 2 : 1;
        if (j >= src.length) throw new Unsupported("unterminated class");
        const source = src.slice(i - 1, j + 1);
        i = j + 1;
        return { t: "char", test: charTest(source, flags) };
      }
      case ".":
        return { t: "char", test: (x) => x !== "\n" && x !== "\r" && x !== "\u2028" && x !== "\u2029" };
      case "^":
        return { t: "bol" };
      case "$":
        return { t: "eol" };
      case "\\": {
        const e = src[i++];
        if (e === void 0 || /[bBc0-9]/.test(e)) throw new Unsupported(`escape \\${e ?? ""}`);
        if (/[dDsSwWfnrtv]/.test(e)) return { t: "char", test: charTest(`\\${e}`, flags) };
        const hex = e === "x" ? /^[0-9A-Fa-f]{2}/.exec(src.slice(i)) : e === "u" ? /^[0-9A-Fa-f]{4}/.exec(src.slice(i)) : null;
        if (hex) {
          i += hex[0].length;
          return { t: "char", test: charTest(`\\${e}${hex[0]}`, flags) };
        }
        return literal(e, flags);
      }
      case "*":
      case "+":
      case "?":
        throw new Unsupported(`bare ${c}`);
      default:
        return literal(c, flags);
    }
  };
  const quantified = (a) => {
    let min;
    let max;
    const q = src[i];
    if (q === "*") [min, max] = [0, Infinity];
    else if (q === "+") [min, max] = [1, Infinity];
    else if (q === "?") [min, max] = [0, 1];
    else if (q === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return a;
      min = Number(m[1]);
      max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
      i += m[0].length - 1;
    } else return a;
    i++;
    if (src[i] === "?") i++;
    if (a.t === "bol" || a.t === "eol" || a.t === "look") throw new Unsupported("quantified assertion");
    if (q !== "{") return { t: min === 0 ? max === 1 ? "opt" : "star" : "plus", body: a };
    if (a.t !== "char" || min > MAX_REPEAT || max !== Infinity && max > MAX_REPEAT || max < min) throw new Unsupported("repeat");
    const items = [];
    for (let k = 0; k < min; k++) items.push(a);
    if (max === Infinity) items.push({ t: "star", body: a });
    else for (let k = min; k < max; k++) items.push({ t: "opt", body: a });
    return { t: "seq", items };
  };
  const ast = alt();
  if (i !== src.length) throw new Unsupported("unbalanced group");
  return ast;
}
function program(ast) {
  const states = [{ k: "match" }];
  const push = (s) => states.push(s) - 1;
  const emit = (a, next) => {
    switch (a.t) {
      case "char":
        return push({ k: "char", test: a.test, next });
      case "seq":
        for (let j = a.items.length - 1; j >= 0; j--) next = emit(a.items[j], next);
        return next;
      case "alt":
        return push({ k: "fork", to: a.alts.map((x) => emit(x, next)) });
      case "opt":
        return push({ k: "fork", to: [emit(a.body, next), next] });
      case "star":
      case "plus": {
        const fork = { k: "fork", to: [] };
        const at = push(fork);
        const body = emit(a.body, at);
        fork.to.push(body, next);
        return a.t === "star" ? at : body;
      }
      case "bol":
      case "eol":
        return push({ k: a.t, next });
      case "look":
        return push({ k: "look", neg: a.neg, prog: program(a.body), next });
    }
  };
  return { states, start: emit(ast, 0) };
}
function run(prog, s, from, search) {
  const { states } = prog;
  const seen = new Int32Array(states.length).fill(-1);
  const stack = [];
  const close = (list2, start, p) => {
    stack.push(start);
    while (stack.length > 0) {
      const j = stack.pop();
      if (seen[j] === p) continue;
      seen[j] = p;
      const st = states[j];
      switch (st.k) {
        case "match":
          stack.length = 0;
          return true;
        case "char":
          list2.push(j);
          break;
        case "fork":
          for (let t = st.to.length - 1; t >= 0; t--) stack.push(st.to[t]);
          break;
        case "bol":
          if (p === 0) stack.push(st.next);
          break;
        case "eol":
          if (p === s.length) stack.push(st.next);
          break;
        case "look":
          if (run(st.prog, s, p, false) !== st.neg) stack.push(st.next);
          break;
      }
    }
    return false;
  };
  let list = [];
  if (close(list, prog.start, from)) return true;
  for (let p = from; p < s.length; p++) {
    if (list.length === 0 && !search) return false;
    const c = s[p];
    const next = [];
    for (const j of list) {
      const st = states[j];
      if (st.test(c) && close(next, st.next, p + 1)) return true;
    }
    if (search && close(next, prog.start, p + 1)) return true;
    list = next;
  }
  return false;
}
var import_micromatch, MAX_GLOB_LENGTH, MAX_FALLBACK_WILDCARDS, GlobError, cache, WINDOWS, Unsupported, MAX_REPEAT;
var init_glob = __esm({
  "src/util/glob.ts"() {
    "use strict";
    import_micromatch = __toESM(require_micromatch());
    init_safe_text();
    MAX_GLOB_LENGTH = 256;
    MAX_FALLBACK_WILDCARDS = 2;
    GlobError = class extends Error {
      constructor(glob, message) {
        super(message);
        this.glob = glob;
        this.name = "GlobError";
      }
      glob;
    };
    cache = /* @__PURE__ */ new Map();
    WINDOWS = process.platform === "win32";
    Unsupported = class extends Error {
    };
    MAX_REPEAT = 10;
  }
});

// src/classify/names.ts
function splitWords(name) {
  const out = [];
  for (const piece of name.split(SEP_RE)) {
    if (!piece) continue;
    const m = piece.match(WORD_RE);
    if (!m) continue;
    for (const w of m) {
      const lw = w.toLowerCase();
      if (lw === "auth" && out.length > 0 && out[out.length - 1] === "o" && /O$/.test(piece.slice(0, piece.indexOf(w)))) {
        out[out.length - 1] = "oauth";
        continue;
      }
      out.push(lw);
    }
  }
  return out;
}
function wordDeny(w, i, words, extra) {
  const last = i === words.length - 1;
  if (KEY_WORDS.has(w)) {
    const prev = words[i - 1];
    if (prev !== void 0 && KEY_QUALIFIERS.has(prev)) {
      if (!WEAK_QUALIFIERS.has(prev) || words.some((x) => x === "account" || x === "storage" || x === "api" || x === "ssh" || x === "deploy"))
        return { index: i, word: `${prev}_${w}`, strength: "strong" };
    }
    if (last) return { index: i, word: w, strength: "key" };
    return null;
  }
  if (w.length > 3 && (w.endsWith("key") || w.endsWith("keys"))) {
    const stem = w.endsWith("keys") ? w.slice(0, -4) : w.slice(0, -3);
    if (KEY_QUALIFIERS.has(stem) && !WEAK_QUALIFIERS.has(stem)) return { index: i, word: w, strength: "strong" };
  }
  if (WHOLE_DENY.has(w)) return { index: i, word: w, strength: "strong" };
  if (LAST_DENY.has(w)) return last ? { index: i, word: w, strength: "strong" } : null;
  if (w === "string" && words[i - 1] === "connection") return { index: i, word: "connection_string", strength: "strong" };
  if (w === "str" && words[i - 1] === "conn") return { index: i, word: "conn_str", strength: "strong" };
  if (!SUBSTRING_EXCLUDE.test(w)) {
    for (const d of SUBSTRING_DENY) if (w.includes(d)) return { index: i, word: d, strength: "strong" };
  }
  for (const d of SUFFIX_DENY)
    if (w === d || w.length > d.length + 1 && w.endsWith(d) && !SUFFIX_EXCLUDE.has(w)) return { index: i, word: d, strength: "strong" };
  for (const e of extra) {
    if (w === e || e.length >= 4 && w.endsWith(e)) return { index: i, word: e, strength: "strong" };
  }
  return null;
}
function extraSequences(extra) {
  return extra.map((e) => splitWords(e)).filter((ws) => ws.length > 1);
}
function analyzeName(name, opts) {
  const cache2 = cacheFor(opts);
  const hit = cache2.get(name);
  if (hit) return hit;
  const r = analyzeUncached(name, opts);
  if (cache2.size > 5e4) cache2.clear();
  cache2.set(name, r);
  return r;
}
function analyzeUncached(name, opts) {
  let words = splitWords(name);
  while (words.length > 1 && /^[0-9]+$/.test(words[words.length - 1])) words = words.slice(0, -1);
  const none = { words, strength: "none" };
  if (words.length === 0) return none;
  let head = null;
  if (opts?.suffixes && opts.suffixes.length > 0) {
    const upper = name.toUpperCase();
    for (const s of opts.suffixes) {
      const su = s.toUpperCase();
      if (su && upper.endsWith(su) && upper.length > su.length) {
        const sw = splitWords(s);
        head = { index: Math.max(0, words.length - Math.max(1, sw.length)), word: s, strength: "strong" };
        break;
      }
    }
  } else {
    const extra = (opts?.extraWords ?? []).map((e) => e.toLowerCase()).filter((e) => e && !/[^a-z0-9]/.test(e));
    let generic = null;
    for (let i = 0; i < words.length; i++) {
      const h = wordDeny(words[i], i, words, extra);
      if (!h) continue;
      if (h.strength === "strong") head = h;
      else generic = h;
    }
    head ??= generic;
    for (const seq of extraSequences(opts?.extraWords ?? [])) {
      for (let i = 0; i + seq.length <= words.length; i++) {
        if (seq.every((s, k) => words[i + k] === s) && (!head || i + seq.length - 1 >= head.index))
          head = { index: i + seq.length - 1, word: seq.join("_"), strength: "strong" };
      }
    }
  }
  if (!head) return none;
  const base = { words, strength: head.strength, word: head.word };
  const exempt = (exemption, exemptWord) => ({ ...base, exemption, exemptWord });
  if (WHOLE_NAME_EXEMPT.has(name.toUpperCase()) || isGoVar(name)) return exempt("static", name);
  if (opts?.allowNames && opts.allowNames.length > 0 && allowMatcher(opts.allowNames)(name)) return exempt("allow", name);
  const lastWord = words[words.length - 1];
  if (head.index < words.length - 1 && TAIL_EXEMPT.has(lastWord)) return exempt("static", lastWord);
  for (let i = head.index + 1; i < words.length; i++) {
    const w = words[i];
    if (AFTER_EXEMPT.has(w) || w.startsWith("prompt")) return exempt("static", w);
  }
  for (const w of words) if (ANY_EXEMPT.has(w)) return exempt("static", w);
  if (words.includes("random") && head.index === words.length - 1 && /pass|pwd/i.test(head.word)) return exempt("static", "random");
  for (let i = head.index + 1; i < words.length; i++) if (ID_TAIL.has(words[i])) return exempt("id", words[i]);
  for (let i = head.index + 1; i < words.length; i++) if (DIGEST_TAIL.has(words[i])) return exempt("digest", words[i]);
  for (let i = head.index + 1; i < words.length; i++)
    if (QUANTITY_TAIL.has(words[i]) || words[i].startsWith("expir")) return exempt("quantity", words[i]);
  for (const w of words) if (QUANTITY_ANY.has(w)) return exempt("quantity", w);
  if (/keys?$/i.test(head.word) && words.some((w) => GPG_WORDS.has(w))) return exempt("gpg", "gpg");
  if (/^(?:signing|sign|signature|release)_keys?$/.test(head.word)) return exempt("fingerprint", head.word);
  if (head.word === "token" && words.includes("cluster") && words.includes("initial")) return exempt("static", "cluster");
  return base;
}
function cacheFor(opts) {
  const key = opts ?? NO_OPTS;
  let c = caches.get(key);
  if (!c) {
    c = /* @__PURE__ */ new Map();
    caches.set(key, c);
  }
  return c;
}
function allowMatcher(patterns) {
  let m = matchers.get(patterns);
  if (!m) {
    const exact = new Set(patterns.filter((p) => !isGlob(p)).map((p) => p.toLowerCase()));
    const globs = patterns.filter((p) => isGlob(p));
    const globFns = globs.map((g) => globMatcher(g, { nocase: true }));
    m = (name) => exact.has(name.toLowerCase()) || globFns.some((f) => f(name));
    matchers.set(patterns, m);
  }
  return m;
}
var WORD_RE, SEP_RE, SUBSTRING_DENY, SUBSTRING_EXCLUDE, SUFFIX_DENY, SUFFIX_EXCLUDE, WHOLE_DENY, LAST_DENY, KEY_QUALIFIERS, WEAK_QUALIFIERS, KEY_WORDS, TAIL_EXEMPT, AFTER_EXEMPT, ID_TAIL, DIGEST_TAIL, QUANTITY_TAIL, QUANTITY_ANY, ANY_EXEMPT, GPG_WORDS, WHOLE_NAME_EXEMPT, NO_OPTS, caches, matchers;
var init_names = __esm({
  "src/classify/names.ts"() {
    "use strict";
    init_glob();
    init_env();
    WORD_RE = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;
    SEP_RE = /[^A-Za-z0-9]+/;
    SUBSTRING_DENY = ["password", "passwd", "passphrase", "passcode", "pword", "secret", "token", "apikey", "credential"];
    SUBSTRING_EXCLUDE = /tokeniz|secretar|secretsmanager|secretmanager|passwordless|nopasswd|tokenomics/;
    SUFFIX_DENY = ["pass", "pwd", "psw"];
    SUFFIX_EXCLUDE = /* @__PURE__ */ new Set([
      "bypass",
      "compass",
      "encompass",
      "surpass",
      "overpass",
      "underpass",
      "trespass",
      "impass",
      "multipass",
      "askpass",
      "sshaskpass",
      "gitaskpass",
      "firstpass",
      "onepass",
      "secondpass",
      "singlepass",
      "twopass",
      "oldpwd",
      "highpass",
      "lowpass",
      "bandpass",
      "allpass",
      "nopass"
    ]);
    WHOLE_DENY = /* @__PURE__ */ new Set(["creds", "pw", "pat", "bearer", "dsn", "connstr", "connectionstring", "htpasswd"]);
    LAST_DENY = /* @__PURE__ */ new Set(["auth", "salt"]);
    KEY_QUALIFIERS = /* @__PURE__ */ new Set([
      "api",
      "secret",
      "private",
      "priv",
      "access",
      "master",
      "encryption",
      "encrypt",
      "enc",
      "decryption",
      "decrypt",
      "signing",
      "sign",
      "signature",
      "deploy",
      "license",
      "licence",
      "app",
      "application",
      "client",
      "auth",
      "service",
      "account",
      "storage",
      "shared",
      "session",
      "cookie",
      "jwt",
      "hmac",
      "crypto",
      "cipher",
      "aes",
      "server",
      "admin",
      "consumer",
      "integration",
      "ssh",
      "rsa",
      "dsa",
      "ecdsa",
      "ed25519",
      "subscription",
      "nonce",
      "secure",
      "webhook",
      "tls",
      "ssl",
      "root",
      "sas",
      "primary",
      "secondary",
      "write",
      "read",
      "ingest",
      "ingestion",
      "management",
      "mgmt",
      "user",
      "bot",
      "dev",
      "prod",
      "production",
      "live",
      "test"
    ]);
    WEAK_QUALIFIERS = /* @__PURE__ */ new Set(["primary", "secondary", "read", "write", "user", "dev", "prod", "production", "live", "test", "root"]);
    KEY_WORDS = /* @__PURE__ */ new Set(["key", "keys"]);
    TAIL_EXEMPT = /* @__PURE__ */ new Set([
      "file",
      "files",
      "filename",
      "filepath",
      "path",
      "paths",
      "dir",
      "dirs",
      "directory",
      "folder",
      "location",
      "loc",
      "mount",
      "sock",
      "socket",
      "url",
      "urls",
      "uri",
      "uris",
      "host",
      "hosts",
      "hostname",
      "port",
      "endpoint",
      "endpoints",
      "domain",
      "server",
      "address",
      "addr",
      "version",
      "ver",
      "name",
      "names",
      "alias",
      "aliases",
      "label",
      "labels",
      "enabled",
      "enable",
      "disabled",
      "disable",
      "toggle",
      "flag",
      "mode",
      "type",
      "types",
      "kind",
      "format",
      "header",
      "headers",
      "prompt",
      "hint",
      "message",
      "msg",
      "text",
      "description",
      "desc",
      "title",
      "manager",
      "policy",
      "policies",
      "required",
      "require",
      "method",
      "methods",
      "provider",
      "providers",
      "issuer",
      "audience",
      "aud",
      "scope",
      "scopes",
      "realm",
      "algorithm",
      "algorithms",
      "alg",
      "algo",
      "username",
      "usernames",
      "user",
      "users",
      "usr",
      "login",
      "email",
      "mail",
      "env",
      "var",
      "vars",
      "variable",
      "backend",
      "store",
      "helper",
      "command",
      "cmd",
      "script",
      "program",
      "class",
      "module",
      "plugin",
      "driver",
      "engine",
      "service",
      "source",
      "strategy",
      "rotation",
      "regex",
      "pattern",
      "charset",
      "encoding",
      "prefix",
      "suffix",
      "separator",
      "delimiter",
      "field",
      "column",
      "param",
      "parameter",
      "arn",
      "region",
      "bucket",
      "namespace",
      "ref",
      "reference",
      "check",
      "validation",
      "permissions",
      "permission",
      "role",
      "roles",
      "group",
      "groups",
      "owner",
      "mask",
      "cache",
      "table",
      "collection",
      "queue",
      "topic",
      "index",
      "schema",
      "template",
      "option",
      "options",
      "opts",
      "config",
      "conf",
      "cfg",
      "settings",
      "list",
      "map",
      "mapping",
      "dict",
      "selector",
      "annotation",
      "level",
      "state",
      "status",
      "context",
      "output",
      "input",
      "lookup",
      "resolver",
      "generator",
      "validator",
      "verifier",
      "handler",
      "class",
      "impl",
      "image",
      "repo",
      "repository",
      "registry",
      "sidecar",
      "secretname",
      "scheme",
      "schemes",
      "hasher",
      "hashers",
      "encoder",
      "complexity",
      "strength",
      "requirements",
      "rules",
      "rule"
    ]);
    AFTER_EXEMPT = /* @__PURE__ */ new Set([
      "file",
      "files",
      "filename",
      "filepath",
      "path",
      "paths",
      "dir",
      "dirs",
      "directory",
      "folder",
      "location",
      "url",
      "urls",
      "uri",
      "uris",
      "host",
      "hostname",
      "port",
      "endpoint",
      "version",
      "name",
      "names",
      "alias",
      "env",
      "var",
      "variable",
      "manager",
      "policy",
      "provider",
      "header",
      "type",
      "mode",
      "enabled",
      "enable",
      "disabled",
      "disable",
      "scheme",
      "method",
      "format",
      "hint",
      "issuer",
      "audience",
      "realm",
      "algorithm",
      "alg",
      "username",
      "email"
    ]);
    ID_TAIL = /* @__PURE__ */ new Set(["id", "ids", "guid", "uuid"]);
    DIGEST_TAIL = /* @__PURE__ */ new Set(["checksum", "checksums", "sha", "sha1", "sha256", "sha512", "hash", "hashes", "md5", "digest", "fingerprint", "fingerprints", "fpr", "sum", "sums", "shasum"]);
    QUANTITY_TAIL = /* @__PURE__ */ new Set([
      "ttl",
      "expire",
      "expires",
      "expiry",
      "expiration",
      "exp",
      "length",
      "len",
      "size",
      "timeout",
      "lifetime",
      "age",
      "duration",
      "seconds",
      "secs",
      "sec",
      "minutes",
      "mins",
      "min",
      "hours",
      "hrs",
      "days",
      "weeks",
      "ms",
      "millis",
      "count",
      "limit",
      "limits",
      "max",
      "num",
      "number",
      "retries",
      "rounds",
      "iterations",
      "bits",
      "interval",
      "period",
      "delay",
      "cost",
      "validity",
      "window",
      "threshold",
      "capacity",
      "rate",
      "attempts",
      "budget",
      "quota",
      "in"
    ]);
    QUANTITY_ANY = /* @__PURE__ */ new Set(["max", "min", "num", "number", "count", "total"]);
    ANY_EXEMPT = /* @__PURE__ */ new Set([
      "public",
      "publishable",
      "pub",
      "allow",
      "allowed",
      "allows",
      "require",
      "requires",
      "required",
      "skip",
      "enable",
      "enabled",
      "disable",
      "disabled",
      "use",
      "generate",
      "without",
      "ignore",
      "empty"
    ]);
    GPG_WORDS = /* @__PURE__ */ new Set(["gpg", "pgp", "gnupg", "gpgkey", "gpgkeys"]);
    WHOLE_NAME_EXEMPT = /* @__PURE__ */ new Set(["PWD", "OLDPWD"]);
    NO_OPTS = {};
    caches = /* @__PURE__ */ new WeakMap();
    matchers = /* @__PURE__ */ new WeakMap();
  }
});

// src/classify/values.ts
function literalParts(value) {
  if (!value) return [];
  if (!SPECIAL_CHAR.test(value)) return [value];
  const out = [];
  parseInto(value, out);
  return out;
}
function literalText(value) {
  return literalParts(value).join("");
}
function parseInto(s, out) {
  let buf = "";
  const flush = () => {
    if (buf) out.push(buf);
    buf = "";
  };
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === "$") {
      const d = s[i + 1];
      if (d === "$") {
        flush();
        i += 2;
        continue;
      }
      if (d === "{") {
        if (s[i + 2] === "{") {
          const end = s.indexOf("}}", i + 3);
          if (end >= 0) {
            flush();
            i = end + 2;
            continue;
          }
        } else {
          const close = matching(s, i + 1, "{", "}");
          if (close >= 0) {
            flush();
            parseBraced(s.slice(i + 2, close), out);
            i = close + 1;
            continue;
          }
        }
        buf += s.slice(i);
        break;
      }
      if (d === "(") {
        const close = matching(s, i + 1, "(", ")");
        if (close >= 0) {
          flush();
          i = close + 1;
          continue;
        }
        buf += s.slice(i);
        break;
      }
      if (d !== void 0 && NAME_START.test(d)) {
        flush();
        i += 2;
        while (i < n && NAME_CHAR.test(s[i])) i++;
        continue;
      }
      if (d !== void 0 && SPECIAL_PARAM.test(d)) {
        flush();
        i += 2;
        continue;
      }
      buf += c;
      i++;
      continue;
    }
    if (c === "%") {
      PERCENT_VAR.lastIndex = i;
      const m = PERCENT_VAR.exec(s);
      if (m) {
        flush();
        i += m[0].length;
        continue;
      }
    } else if (c === "{" && s[i + 1] === "{") {
      const end = s.indexOf("}}", i + 2);
      if (end >= 0) {
        flush();
        i = end + 2;
        continue;
      }
    } else if (c === "`") {
      const end = s.indexOf("`", i + 1);
      if (end >= 0) {
        flush();
        i = end + 1;
        continue;
      }
    } else if (c === "\\" && s[i + 1] === "$") {
      buf += "$";
      i += 2;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
}
function matching(s, open, o, c) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === o) depth++;
    else if (ch === c) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
function parseBraced(inner, out) {
  const m = BRACED_NAME.exec(inner);
  if (!m) return;
  const rest = inner.slice(m[0].length);
  const op = rest.startsWith(":") ? rest.slice(0, 2) : rest.slice(0, 1);
  if (op === ":-" || op === "-" || op === ":=" || op === "=" || op === ":+" || op === "+") {
    parseInto(rest.slice(op.length), out);
  }
}
function kindOf(value, parts) {
  if (value === null || value.trim() === "") return "empty";
  if (parts.length === 1 && parts[0] === value) {
    const t = value.trim();
    return isPlaceholder(t) ? "placeholder" : "literal";
  }
  const lit = parts.join("").trim();
  if (lit === "") return "reference";
  if (lit !== value.trim() && !/[A-Za-z0-9]/.test(lit)) return "reference";
  if (isPlaceholder(lit)) return "placeholder";
  return "literal";
}
function isDescription(t) {
  const words = t.toLowerCase().split(/[-_ ]+/).filter(Boolean);
  return words.length >= 3 && words.every((w) => DESCRIPTION_WORDS.has(w) || /^\d{1,3}$/.test(w));
}
function isRepeatedFiller(t) {
  const parts = t.split(/[._-]/);
  const long = parts.filter((p) => p.length > 4);
  return long.length > 0 && long.every(oneCharacterRepeated) && parts.every((p) => p.length > 4 || /^[A-Za-z0-9]*$/.test(p));
}
function oneCharacterRepeated(p) {
  for (let i = 1; i < p.length; i++) if (p.charCodeAt(i) !== p.charCodeAt(0)) return false;
  return true;
}
function isPlaceholder(text) {
  let t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) t = t.slice(1, -1).trim();
  if (t === "") return true;
  if (PLACEHOLDER_WORDS.has(t.toLowerCase())) return true;
  return PLACEHOLDER_CS.test(t) || PLACEHOLDER_CI.test(t) || isDescription(t) || isRepeatedFiller(t);
}
function shannon(s) {
  if (s.length === 0) return 0;
  const ascii = ASCII_COUNTS.fill(0);
  let other = null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) ascii[c]++;
    else (other ??= /* @__PURE__ */ new Map()).set(c, (other.get(c) ?? 0) + 1);
  }
  let h = 0;
  const len = s.length;
  const add = (c) => {
    if (c === 0) return;
    const p = c / len;
    h -= p * Math.log2(p);
  };
  for (let i = 0; i < 128; i++) add(ascii[i]);
  if (other) for (const c of other.values()) add(c);
  return h;
}
function isHighEntropy(s) {
  const t = s.trim();
  if (t.length < 16 || /\s/.test(t)) return false;
  if (isPathLike(t) || /^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return false;
  let classes = 0;
  if (/[a-z]/.test(t)) classes++;
  if (/[A-Z]/.test(t)) classes++;
  if (/[0-9]/.test(t)) classes++;
  if (classes < 2) return false;
  return shannon(t) >= 3.5;
}
function isPathLike(s) {
  const t = s.trim();
  return PATH_RE.test(t) || KEY_FILE_RE.test(t);
}
function isDigestLike(s) {
  const t = s.trim();
  if (/^(?:(?:sha\d+|md5|sha)[:=-])?[0-9a-f]{32,128}(?:\s+(?:(?:sha\d+|md5)[:=-])?[0-9a-f]{32,128})*$/i.test(t)) return true;
  if (/^sha(?:256|384|512)-[A-Za-z0-9+/]{40,}={0,2}$/.test(t)) return true;
  return /^\$(?:1|2[abxy]?|5|6|y|argon2(?:id|i|d)|pbkdf2[-\w]*|scrypt)\$\S+$/.test(t);
}
function isFingerprintList(s) {
  const t = s.trim();
  if (t === "") return false;
  const joined = t.replace(/\b((?:[0-9a-f]{4}\s+){9}[0-9a-f]{4})\b/gi, (m) => m.replace(/\s+/g, ""));
  for (const p of joined.split(/[\s,;]+/))
    if (p !== "" && !/^(?:0x)?(?:[0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{40})$/i.test(p)) return false;
  return true;
}
function isPlainUrl(s) {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)/i.exec(s.trim());
  return m !== null && !m[1].includes("@") && !/\s/.test(s.trim());
}
function dominantCharRatio(s) {
  if (s.length === 0) return 1;
  const counts = /* @__PURE__ */ new Map();
  let max = 0;
  for (const ch of s) {
    const c = (counts.get(ch) ?? 0) + 1;
    counts.set(ch, c);
    if (c > max) max = c;
  }
  return max / s.length;
}
var SPECIAL_CHAR, NAME_START, NAME_CHAR, SPECIAL_PARAM, PERCENT_VAR, BRACED_NAME, PLACEHOLDER_WORDS, DESCRIPTION_WORDS, PLACEHOLDER_RES, joinRes, PLACEHOLDER_CI, PLACEHOLDER_CS, ASCII_COUNTS, PATH_RE, KEY_FILE_RE, UNIT, NUMBER_DURATION;
var init_values = __esm({
  "src/classify/values.ts"() {
    "use strict";
    SPECIAL_CHAR = /[$%{`\\]/;
    NAME_START = /[A-Za-z_]/;
    NAME_CHAR = /[A-Za-z0-9_]/;
    SPECIAL_PARAM = /[0-9@*#?$!-]/;
    PERCENT_VAR = /%[A-Za-z_][A-Za-z0-9_]*%/y;
    BRACED_NAME = /^(?:#?[A-Za-z_][A-Za-z0-9_]*|#?[0-9]+|[@*#?$!-])/;
    PLACEHOLDER_WORDS = /* @__PURE__ */ new Set([
      "0",
      "1",
      "-1",
      "true",
      "false",
      "yes",
      "no",
      "on",
      "off",
      "y",
      "n",
      "t",
      "f",
      "enabled",
      "disabled",
      "null",
      "nil",
      "none",
      "undefined",
      "undef",
      "empty",
      "blank",
      "n/a",
      "na",
      "-",
      "--",
      ".",
      "?",
      "~",
      "changeme",
      "change_me",
      "change-me",
      "change me",
      "changethis",
      "change_this",
      "change-this",
      "changemeplease",
      "changeme123",
      "replaceme",
      "replace_me",
      "replace-me",
      "replace me",
      "todo",
      "tbd",
      "tbc",
      "fixme",
      "fix_me",
      "fix-me",
      "placeholder",
      "dummy",
      "fake",
      "redacted",
      "masked",
      "hidden",
      "notset",
      "not_set",
      "not-set",
      "unset",
      "unknown",
      "notasecret",
      "not-a-secret",
      "not_a_secret",
      "unused",
      "not-used",
      "not_used",
      "fill-me",
      "fillme",
      "fill_me",
      "setme",
      "set-me",
      "set_me",
      "secret-here",
      "token-here",
      "password-here",
      "key-here",
      "put your unique phrase here",
      "{}",
      "[]",
      '""',
      "''",
      "insecure",
      "not-secure",
      "not_secure"
    ]);
    DESCRIPTION_WORDS = /* @__PURE__ */ new Set([
      "a",
      "an",
      "and",
      "any",
      "some",
      "my",
      "the",
      "long",
      "random",
      "secure",
      "strong",
      "unique",
      "alphanumeric",
      "string",
      "secret",
      "key",
      "token",
      "password",
      "passphrase",
      "value",
      "generate",
      "generated",
      "with",
      "of",
      "character",
      "characters",
      "chars",
      "here",
      "example",
      "sample",
      "hex",
      "base64",
      "bytes",
      "at",
      "least",
      "min",
      "minimum",
      "super",
      "very",
      "complex",
      "random-string",
      "goes",
      "your",
      "own"
    ]);
    PLACEHOLDER_RES = [
      /^<[^<>]*>$/,
      // <token>, <your password>
      /^\[[A-Za-z0-9 _.-]+\]$/,
      // [YOUR_TOKEN]
      /^\{[A-Za-z0-9 _.-]+\}$/,
      // {token}
      /^__?[A-Za-z0-9_]+__?$/,
      // __TOKEN__, _admin_password_
      /^[^A-Za-z0-9]{1,3}$/,
      // _, -, ., ?
      /^@[A-Za-z0-9_]+@$/,
      // @TOKEN@ (autoconf-style substitution)
      /^(?:x{3,}|X{3,})(?:[-_.](?:x+|X+))*$/,
      // xxx, XXXX-XXXX
      /^\*{3,}$/,
      // ***
      /^(?:[A-Za-z0-9]+[_.-])+(?:x{4,}|X{4,}|\*{3,}|\.{3,}|…)$/,
      // sk_live_xxxx, ghp_****, sk-...
      /^[A-Za-z0-9]{2,8}(?:x{8,}|X{8,})$/,
      // AIzaSyXXXXXXXX
      /^(?:\.{3,}|…)$/,
      // ..., …
      /^your[a-z0-9]*(?:[-_ .][a-z0-9]+)*$/i,
      // your-token-here, your_api_key, YourSecret
      /^(?:enter|insert|put|paste|add|set|fill)(?:[-_ ][a-z0-9]+)+$/i,
      // insert-token-here
      /^(?:[a-z0-9]+[-_ ])+here$/i,
      // token-goes-here
      /^(?:replace|change)[-_ ]?(?:me|this)/i,
      // change_me_in_production, ChangeMeChangeMe
      /^(?:replace|change)[A-Z_-]/,
      // changePassword, changeRunnerAuthToken (not `changeit`)
      /(?:^|[-_.])(?:dummy|placeholder|changeme|replaceme)(?:$|[-_.])/i
      // build-time-dummy, my_placeholder_value
    ];
    joinRes = (rs, flags) => new RegExp(rs.map((r) => `(?:${r.source})`).join("|"), flags);
    PLACEHOLDER_CI = joinRes(PLACEHOLDER_RES.filter((r) => r.flags.includes("i")), "i");
    PLACEHOLDER_CS = joinRes(PLACEHOLDER_RES.filter((r) => !r.flags.includes("i")), "");
    ASCII_COUNTS = new Int32Array(128);
    PATH_RE = /^(?:\/[^\s]*|\.\.?\/\S*|~\/\S*|[A-Za-z]:[\\/].*|\\\\\S+|file:\/\/\S*)$/;
    KEY_FILE_RE = /^(?:[\w.-]+\/)*(?:[\w.-]+\.(?:pem|key|crt|cer|csr|p12|pfx|p8|json|txt|asc|gpg|jks|keystore|truststore|pub|der|env|ya?ml|conf|cfg|ini|properties|secret|secrets|token|pass|passwd|htpasswd|sh|bash|py|rb|js|ps1|bat|cmd|exe)|id_(?:rsa|dsa|ecdsa|ed25519)(?:\.pub)?)$/i;
    UNIT = "(?:ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|years?|k|kb|mb|g|gb)";
    NUMBER_DURATION = new RegExp(`^[-+]?(?:\\d+(?:\\.\\d+)?${UNIT})*\\d+(?:\\.\\d+)?${UNIT}?$`, "i");
  }
});

// src/util/escape-re.ts
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
var init_escape_re = __esm({
  "src/util/escape-re.ts"() {
    "use strict";
  }
});

// src/classify/tokens.ts
function isAwsDocExample(s) {
  return AWS_EXAMPLES.has(s);
}
function literalSecret(s) {
  const lit = literalText(s);
  return lit.length > 0 && lit === s && !isPlaceholder(s) && !isPathLike(s);
}
function groupCount(src) {
  return new RegExp(`${src}|`).exec("").length - 1;
}
function compile2(formats, ci) {
  const groups = [];
  let idx = 1;
  const parts = [];
  for (const fmt of formats) {
    const n = groupCount(fmt.re);
    if (n !== (fmt.inner ? 1 : 0)) throw new Error(`token format ${fmt.type}: expected ${fmt.inner ? 1 : 0} groups, got ${n}`);
    groups.push({ fmt, whole: idx, secret: fmt.inner ? idx + 1 : idx });
    idx += 1 + n;
    parts.push(`(${fmt.re})`);
  }
  const hints = [...new Set(formats.flatMap((f) => f.hints))].map(escapeRe);
  return { re: new RegExp(parts.join("|"), ci ? "gi" : "g"), groups, hint: new RegExp(hints.join("|"), ci ? "i" : "") };
}
function run2(c, text, out) {
  if (!c.hint.test(text)) return;
  const re = c.re;
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    let accepted = false;
    for (const g of c.groups) {
      const whole = m[g.whole];
      if (whole === void 0) continue;
      const secret = m[g.secret] ?? whole;
      if (!g.fmt.ok || g.fmt.ok(secret, whole)) {
        const start = m.index + (g.secret === g.whole ? 0 : whole.lastIndexOf(secret));
        out.push({ type: g.fmt.type, start, end: start + secret.length, text: secret });
        accepted = true;
      }
      break;
    }
    if (!accepted) re.lastIndex = m.index + 1;
  }
}
function scanText(text) {
  if (text.length < 8) return [];
  const found = [];
  run2(CS, text, found);
  run2(CI, text, found);
  if (found.length <= 1) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    out.push(f);
    lastEnd = f.end;
  }
  return out;
}
var B, E, varied, AWS_EXAMPLES, FORMATS, CS, CI;
var init_tokens = __esm({
  "src/classify/tokens.ts"() {
    "use strict";
    init_values();
    init_escape_re();
    B = "(?<![A-Za-z0-9_])";
    E = "(?![A-Za-z0-9_])";
    varied = (prefixLen) => (s) => {
      const body = s.slice(prefixLen);
      return body.length > 0 && dominantCharRatio(body) <= 0.5 && new Set(body).size >= 3;
    };
    AWS_EXAMPLES = /* @__PURE__ */ new Set([
      "AKIAIOSFODNN7EXAMPLE",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "AKIAI44QH8DHBEXAMPLE",
      "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
    ]);
    FORMATS = [
      {
        type: "PEM private key",
        re: "-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:[\\s\\S]{0,20000}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)?",
        hints: ["PRIVATE KEY"]
      },
      {
        type: "AWS access key id",
        re: `${B}(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${E}`,
        ok: (s) => !AWS_EXAMPLES.has(s) && varied(4)(s),
        hints: ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"]
      },
      {
        type: "GitHub token",
        re: `${B}gh[pousr]_[A-Za-z0-9]{36,255}${E}`,
        ok: varied(4),
        hints: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]
      },
      {
        type: "GitHub fine-grained personal access token",
        re: `${B}github_pat_[A-Za-z0-9_]{50,255}${E}`,
        ok: varied(11),
        hints: ["github_pat_"]
      },
      {
        type: "GitLab token",
        re: `${B}gl(?:pat|ptt|dt|rt|cbt|oas|ft|imt|soat|agent)-[A-Za-z0-9_-]{20,}`,
        ok: (s) => varied(s.indexOf("-") + 1)(s),
        hints: ["glpat-", "glptt-", "gldt-", "glrt-", "glcbt-", "gloas-", "glft-", "glimt-", "glsoat-", "glagent-"]
      },
      {
        type: "Slack token",
        re: `${B}(?:xox[abposre]|xapp)-[0-9A-Za-z-]{10,}`,
        ok: varied(5),
        hints: ["xox", "xapp-"]
      },
      {
        type: "Slack webhook URL",
        re: "https?://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}",
        hints: ["hooks.slack.com"]
      },
      {
        type: "Discord webhook URL",
        re: "https?://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/[A-Za-z0-9_-]{30,}",
        hints: ["discord"]
      },
      {
        type: "Stripe secret key",
        re: `${B}(?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{10,99}${E}`,
        ok: (s) => varied(s.indexOf("_", 3) + 1)(s),
        hints: ["sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_"]
      },
      {
        type: "Stripe webhook secret",
        re: `${B}whsec_[A-Za-z0-9]{24,}${E}`,
        ok: varied(6),
        hints: ["whsec_"]
      },
      {
        type: "npm access token",
        re: `${B}npm_[A-Za-z0-9]{36}${E}`,
        ok: varied(4),
        hints: ["npm_"]
      },
      {
        type: "PyPI API token",
        re: `${B}pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{40,}`,
        hints: ["pypi-"]
      },
      {
        type: "Docker Hub access token",
        re: `${B}dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}`,
        ok: varied(9),
        hints: ["dckr_"]
      },
      {
        type: "Google API key",
        re: `${B}AIza[0-9A-Za-z_-]{35}${E}`,
        ok: varied(6),
        hints: ["AIza"]
      },
      {
        type: "Anthropic API key",
        re: `${B}sk-ant-(?:api|admin|sid)\\d{2}-[A-Za-z0-9_-]{32,}`,
        ok: varied(14),
        hints: ["sk-ant-"]
      },
      {
        type: "OpenAI API key",
        re: `${B}sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{32,}`,
        ok: (s) => !s.startsWith("sk-ant-") && /[0-9]/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s.slice(3)) && varied(3)(s),
        hints: ["sk-"]
      },
      {
        type: "SendGrid API key",
        re: `${B}SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{30,50}${E}`,
        ok: varied(3),
        hints: ["SG."]
      },
      {
        type: "JSON Web Token",
        re: `${B}eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*`,
        hints: ["eyJ"]
      },
      {
        type: "Hugging Face token",
        re: `${B}hf_[A-Za-z]{34,40}${E}`,
        ok: (s) => varied(3)(s) && /[A-Z]/.test(s) && /[a-z]/.test(s.slice(3)),
        hints: ["hf_"]
      },
      {
        type: "HashiCorp Vault token",
        re: `${B}hv[sbr]\\.[A-Za-z0-9_-]{24,}`,
        ok: varied(4),
        hints: ["hvs.", "hvb.", "hvr."]
      },
      {
        type: "DigitalOcean token",
        re: `${B}do[por]_v1_[a-f0-9]{64}${E}`,
        hints: ["_v1_"]
      },
      {
        type: "Shopify token",
        re: `${B}shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}${E}`,
        hints: ["shp"]
      },
      {
        type: "Grafana token",
        re: `${B}(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})`,
        ok: varied(4),
        hints: ["glsa_", "glc_"]
      },
      {
        type: "Tailscale key",
        re: `${B}tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9-]{16,}`,
        ok: varied(11),
        hints: ["tskey-"]
      },
      {
        type: "Sentry auth token",
        re: `${B}(?:sntrys_eyJ[A-Za-z0-9+/=_-]{30,}|sntryu_[a-f0-9]{64})`,
        hints: ["sntry"]
      },
      {
        type: "Databricks token",
        re: `${B}dapi[a-f0-9]{32}(?:-\\d)?${E}`,
        ok: varied(4),
        hints: ["dapi"]
      },
      {
        type: "Postman API key",
        re: `${B}PMAK-[a-f0-9]{24}-[a-f0-9]{34}${E}`,
        hints: ["PMAK-"]
      },
      {
        type: "New Relic key",
        re: `${B}NR(?:AK|II|JS)-[A-Za-z0-9]{27}${E}`,
        ok: varied(5),
        hints: ["NRAK-", "NRII-", "NRJS-"]
      },
      {
        type: "Age secret key",
        re: `${B}AGE-SECRET-KEY-1[0-9A-Z]{58}${E}`,
        hints: ["AGE-SECRET-KEY-"]
      },
      {
        type: "Pulumi access token",
        re: `${B}pul-[a-f0-9]{40}${E}`,
        ok: varied(4),
        hints: ["pul-"]
      },
      {
        type: "Terraform Cloud token",
        re: `${B}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,}`,
        hints: [".atlasv1."]
      },
      {
        type: "Groq API key",
        re: `${B}gsk_[A-Za-z0-9]{48,}${E}`,
        ok: varied(4),
        hints: ["gsk_"]
      },
      {
        type: "Mailgun API key",
        re: `${B}key-[a-f0-9]{32}${E}`,
        ok: varied(4),
        hints: ["key-"]
      },
      // ---- case-insensitive formats ----
      {
        type: "Azure storage/service bus key",
        re: "(?:AccountKey|SharedAccessKey)\\s*=\\s*([A-Za-z0-9+/]{20,}={0,2})",
        ci: true,
        inner: true,
        hints: ["accountkey", "sharedaccesskey"]
      },
      {
        type: "Password in URL",
        re: `${B}[a-z][a-z0-9+.-]{1,30}://[^\\s/:@'"<>]{0,256}:([^\\s/@'"<>]{1,256})@(?!sha\\d+:)[^\\s/@'"<>]`,
        ci: true,
        inner: true,
        ok: literalSecret,
        hints: ["://"]
      },
      {
        type: "Token in URL",
        re: `${B}[a-z][a-z0-9+.-]{1,30}://([A-Za-z0-9_-]{20,256})@(?!sha\\d+:)[^\\s/@'"<>:]+`,
        ci: true,
        inner: true,
        ok: (secret, whole) => isHighEntropy(secret) && !/sentry/i.test(whole),
        hints: ["://"]
      },
      {
        type: "Password in URL query",
        re: `[?&;](?:password|passwd|pwd|pass)=([^&\\s"'$%{<>;]{1,256})`,
        ci: true,
        inner: true,
        ok: literalSecret,
        hints: ["password=", "passwd=", "pwd=", "pass="]
      },
      {
        type: "docker login password",
        re: `${B}(?:echo|printf)\\s+["']?([^\\s"'$|]{1,256})["']?\\s*\\|\\s*(?:sudo\\s+)?(?:docker|podman|buildah|skopeo|helm|oras|crane)\\s+(?:registry\\s+)?login${E}[^|;&\\n]{0,300}--password-stdin`,
        ci: true,
        inner: true,
        ok: literalSecret,
        hints: ["login"]
      },
      {
        type: "Password in DSN",
        re: `${B}[^\\s:@/'"()=]{1,64}:([^\\s@/'"()]{1,256})@(?:tcp|unix|udp)\\(`,
        ci: true,
        inner: true,
        ok: literalSecret,
        hints: ["@tcp(", "@unix(", "@udp("]
      },
      {
        type: "Connection string password",
        re: `(?:server|host|data source|address|addr|user id|uid|username|user|database|initial catalog)\\s*=[^;"'\\n]{0,512};(?:[^;"'\\n]{0,512};){0,12}?\\s*(?:password|pwd)\\s*=\\s*([^;"'\\s]{1,256})`,
        ci: true,
        inner: true,
        ok: literalSecret,
        hints: ["password", "pwd"]
      },
      {
        type: "Docker registry auth",
        re: `"auth"\\s*:\\s*"([A-Za-z0-9+/]{12,}={0,2})"`,
        ci: true,
        inner: true,
        hints: ['"auth"']
      },
      {
        type: "netrc password",
        re: `${B}machine\\s+\\S+\\s+login\\s+\\S+\\s+password\\s+([^\\s"'$]+)`,
        ci: true,
        inner: true,
        ok: literalSecret,
        hints: ["machine"]
      }
    ];
    CS = compile2(
      FORMATS.filter((f) => !f.ci),
      false
    );
    CI = compile2(
      FORMATS.filter((f) => f.ci),
      true
    );
  }
});

// src/classify/index.ts
function publicIdName(words) {
  if (words.includes("secret")) return false;
  if (words.includes("pusher") && words.includes("key")) return true;
  const storage = ["aws", "minio", "s3", "spaces", "r2", "b2", "gcs", "storage", "bucket", "wasabi", "oss", "do"];
  const i = words.indexOf("access");
  return i >= 0 && words[i + 1] === "key" && (i === 0 || words.some((w) => storage.includes(w)));
}
function awsSecretName(words) {
  const joined = words.join("");
  return words.includes("aws") && (joined.includes("secret") || joined.includes("key")) || joined.includes("secretaccesskey");
}
function valueFormat(name, value) {
  const found = scanText(value);
  if (found.length > 0) return found[0];
  const lit = literalText(value).trim();
  if (AWS_SECRET_VALUE.test(lit) && !isAwsDocExample(lit) && /[a-z]/.test(lit) && /[A-Z]/.test(lit) && awsSecretName(splitWords(name)) && isHighEntropy(lit)) {
    const start = value.indexOf(lit);
    return { type: "AWS secret access key", start, end: start + lit.length, text: lit };
  }
  return null;
}
function classify(name, value, opts) {
  const parts = literalParts(value);
  const vk = kindOf(value, parts);
  const a = analyzeName(name, opts);
  const nameSecret = a.strength === "strong" && (!a.exemption || a.exemption === "fingerprint");
  const res = { secret: false, reason: null, secretName: nameSecret, valueKind: vk, goVar: isGoVar(name) };
  if (nameSecret && a.word) res.nameWord = a.word;
  if (value !== null && (vk === "literal" || vk === "reference")) {
    const f = valueFormat(name, value);
    if (f) {
      const published = PUBLISHED_KEYS.find(([, key]) => value.includes(key))?.[0];
      return { ...res, secret: true, reason: "value", tokenType: f.type, secretText: f.text, ...published ? { published } : {} };
    }
  }
  if (vk !== "literal" || value === null || a.strength === "none") return res;
  const lit = parts.join("").trim();
  const secretText = parts.length === 1 ? parts[0].trim() : value;
  const bySecretName = (word) => ({ ...res, secret: true, reason: "name", nameWord: word, secretText });
  if (isAwsDocExample(lit) || PUBLIC_BY_DESIGN.test(lit) || publicIdName(splitWords(name))) return res;
  switch (a.exemption) {
    case "static":
    case "allow":
    case "id":
      return res;
    case "quantity":
      return isHighEntropy(lit) ? bySecretName(a.word) : res;
    case "gpg":
      return isHighEntropy(lit) && !isFingerprintList(lit) ? bySecretName(a.word) : res;
    case "digest":
      if (isDigestLike(lit) || isDigestLike(value) || isFingerprintList(lit)) return res;
      break;
    case "fingerprint":
      if (isFingerprintList(lit)) return res;
      break;
    default:
      break;
  }
  if (isPathLike(lit)) return res;
  if (a.strength === "key") {
    return isHighEntropy(lit) && !isFingerprintList(lit) && !isPlainUrl(lit) ? bySecretName(a.word) : res;
  }
  if (URL_VALUE.test(lit) && !CREDENTIAL_QUERY.test(lit)) return res;
  if (CONN_STRING_VALUE.test(lit)) return res;
  if (a.word !== void 0 && VALUE_ONLY_WORDS.has(a.word)) return res;
  if (a.word !== "password" && a.word !== "passwd" && a.word !== "pass" && AUTH_SCHEMES.has(lit.toLowerCase())) return res;
  if (CREDS_FILE_NAME.test(lit)) return res;
  return bySecretName(a.word);
}
function scanAssignments2(text, opts) {
  return scanAssignments(text, classify, opts);
}
var AUTH_SCHEMES, PUBLIC_BY_DESIGN, PUBLISHED_KEYS, CREDENTIAL_QUERY, URL_VALUE, CONN_STRING_VALUE, VALUE_ONLY_WORDS, CREDS_FILE_NAME, AWS_SECRET_VALUE;
var init_classify = __esm({
  "src/classify/index.ts"() {
    "use strict";
    init_assignments();
    init_env();
    init_names();
    init_tokens();
    init_values();
    init_names();
    init_values();
    init_tokens();
    init_mask();
    init_env();
    AUTH_SCHEMES = /* @__PURE__ */ new Set([
      "basic",
      "bearer",
      "digest",
      "htpasswd",
      "token",
      "oauth",
      "oauth2",
      "oidc",
      "ldap",
      "saml",
      "jwt",
      "kerberos",
      "ntlm",
      "password",
      "apikey",
      "api_key",
      "api-key",
      "internal",
      "local",
      "native",
      "plain",
      "md5",
      "trust",
      "scram-sha-256",
      "cert",
      "iam",
      "keycloak",
      "github",
      "gitlab",
      "google",
      "header",
      "session",
      "cookie",
      "form",
      "mtls",
      "tls",
      "x509",
      "sasl",
      "hmac",
      "sigv4",
      "aws",
      "azure",
      "gcp",
      "netrc",
      "anonymous",
      "noauth",
      "disabled",
      "required",
      "optional",
      "builtin",
      "db",
      "database",
      "file",
      "proxy",
      "remote",
      "external",
      "pam",
      "radius",
      "requested",
      "want",
      "need",
      "none",
      "opaque",
      "refresh",
      "access",
      "id_token",
      "client_credentials"
    ]);
    PUBLIC_BY_DESIGN = /^(?:pk_(?:live|test)_[0-9A-Za-z]{10,}|phc_[0-9A-Za-z]{20,}|\d+-[0-9a-z]+\.apps\.googleusercontent\.com)$/;
    PUBLISHED_KEYS = [
      ["Azurite emulator account key (devstoreaccount1)", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="]
    ];
    CREDENTIAL_QUERY = /[?&](?:[a-z_]*token|[a-z_]*key|secret|sig|signature|password|pass|pwd|auth|code)=[^&$%{\s]/i;
    URL_VALUE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
    CONN_STRING_VALUE = /^\s*[A-Za-z][A-Za-z ]*=[^;]*(?:;\s*[A-Za-z][A-Za-z ]*=[^;]*)+;?\s*$/;
    VALUE_ONLY_WORDS = /* @__PURE__ */ new Set(["dsn", "connection_string", "conn_str", "connstr", "connectionstring"]);
    CREDS_FILE_NAME = /^[a-z0-9]+(?:[_-][a-z0-9]+)*[_-](?:creds|credentials)$/;
    AWS_SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;
  }
});

// src/classify/redact.ts
var redact_exports = {};
__export(redact_exports, {
  maskSpans: () => maskSpans,
  redact: () => redact
});
function maskSpans(text, spans) {
  if (spans.length === 0) return text;
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let at = 0;
  let i = 0;
  while (i < sorted.length) {
    const start = Math.max(sorted[i].start, at);
    let end = sorted[i].end;
    while (i + 1 < sorted.length && sorted[i + 1].start < end) end = Math.max(end, sorted[++i].end);
    i++;
    if (end <= start) continue;
    out += text.slice(at, start) + mask(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}
function occurrences(text, needle, into) {
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) into.push({ start: i, end: i + needle.length });
}
function randomWords(text, into) {
  if (text.length < 16) return;
  const word = /[^\s"'`=:,;|&()<>[\]{}]+/g;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const w = m[0];
    if (w.length < 16 || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(w)) continue;
    const runs = w.match(/[A-Za-z0-9_+-]{16,}/g) ?? [];
    if (runs.some((r) => !/^[0-9a-f]+$/i.test(r) && isHighEntropy(r))) into.push({ start: m.index, end: m.index + w.length });
  }
}
function redact(text, secrets = []) {
  if (text.length === 0) return text;
  if (secrets.includes(text)) return mask(text);
  const spans = [];
  for (const s of secrets) if (s.length > 0) occurrences(text, s, spans);
  for (const t of scanText(text)) spans.push(t);
  for (const a of scanAssignments2(text)) spans.push(a);
  randomWords(text, spans);
  return maskSpans(text, spans);
}
var init_redact = __esm({
  "src/classify/redact.ts"() {
    "use strict";
    init_mask();
    init_classify();
    init_values();
  }
});

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
  const { redact: redact2 } = (init_redact(), __toCommonJS(redact_exports));
  const { visible: visible2 } = (init_safe_text(), __toCommonJS(safe_text_exports));
  const message = String(e?.message ?? e).split("\n")[0].slice(0, 500);
  return `godock: internal error: ${visible2(redact2(message))}
`;
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
