"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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
    var expand2 = (ast, options = {}) => {
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
    module2.exports = expand2;
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
            const before2 = siblings[siblings.length - 1];
            before2.value += prev.value + value;
            prev = before2;
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
    var expand2 = require_expand();
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
      let result = expand2(input, options);
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
    var path2 = require("path");
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
      SEP: path2.sep,
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
    var path2 = require("path");
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
      return win32 === true || path2.sep === "\\";
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
          const before2 = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before2 && (before2.type === "star" || before2.type === "globstar");
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
    var path2 = require("path");
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
      return regex.test(path2.basename(input));
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

// src/commands/rules.ts
var rules_exports = {};
__export(rules_exports, {
  explainRule: () => explainRule,
  listRules: () => listRules,
  lookupRule: () => lookupRule,
  runRules: () => runRules
});
module.exports = __toCommonJS(rules_exports);
var import_node_util = require("node:util");

// src/report/rule-docs.ts
var import_node_fs = require("node:fs");
var path = __toESM(require("node:path"));

// src/classify/assignments.ts
var ASSIGN_RE = /(?<![\w.$/-])(["']?)([A-Za-z_][A-Za-z0-9_]{0,127}(?:[.-][A-Za-z0-9_]{1,64}){0,8})\1(?:[ \t]*=[ \t]*|[ \t]*:[ \t]+|(?<=["']):[ \t]*)("[^"\n]{0,2000}"|'[^'\n]{0,2000}'|(?:\$\{[^}\n]{0,256}\}|\$\([^)\n]{0,256}\)|\x60[^\x60\n]{0,256}\x60|\$(?![{(])|[^\s;&|"'#,}\]$\x60]){1,2000})/g;
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

// src/go/env.ts
var GO_ENV_VARS = /* @__PURE__ */ new Set([
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
function isGoVar(name) {
  return GO_ENV_VARS.has(name);
}
function isGoBinary(word) {
  return word === "go" || word === "xx-go" || /[\\/]go(?:\.exe)?$/.test(word);
}
var GO_COMPUTED_VARS = /* @__PURE__ */ new Set([
  "GOEXE",
  "GOGCCFLAGS",
  "GOHOSTARCH",
  "GOHOSTOS",
  "GOMOD",
  "GOTOOLDIR",
  "GOVERSION",
  "GOTELEMETRY"
]);

// src/util/glob.ts
var import_micromatch = __toESM(require_micromatch());

// src/util/safe-text.ts
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t", "\x1B": "\\e" };
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

// src/util/glob.ts
var MAX_GLOB_LENGTH = 256;
var MAX_FALLBACK_WILDCARDS = 2;
var GlobError = class extends Error {
  constructor(glob, message) {
    super(message);
    this.glob = glob;
    this.name = "GlobError";
  }
  glob;
};
function isGlob(p) {
  return import_micromatch.default.scan(p).isGlob;
}
var cache = /* @__PURE__ */ new Map();
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
var WINDOWS = process.platform === "win32";
function compile(glob, opts) {
  if (glob === "") throw new GlobError(glob, "glob is empty");
  if (glob.length > MAX_GLOB_LENGTH)
    throw new GlobError(glob, `glob ${shown(glob)} is too long (more than ${MAX_GLOB_LENGTH} characters); shorten it`);
  if (glob.includes("\\\\"))
    throw new GlobError(glob, `glob ${shown(glob)} has an escaped backslash (\\\\), which godock does not accept; match the character with ? instead`);
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
var Unsupported = class extends Error {
};
var MAX_REPEAT = 10;
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

// src/classify/names.ts
var WORD_RE = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;
var SEP_RE = /[^A-Za-z0-9]+/;
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
var SUBSTRING_DENY = ["password", "passwd", "passphrase", "passcode", "pword", "secret", "token", "apikey", "credential"];
var SUBSTRING_EXCLUDE = /tokeniz|secretar|secretsmanager|secretmanager|passwordless|nopasswd|tokenomics/;
var SUFFIX_DENY = ["pass", "pwd", "psw"];
var SUFFIX_EXCLUDE = /* @__PURE__ */ new Set([
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
var WHOLE_DENY = /* @__PURE__ */ new Set(["creds", "pw", "pat", "bearer", "dsn", "connstr", "connectionstring", "htpasswd"]);
var LAST_DENY = /* @__PURE__ */ new Set(["auth", "salt"]);
var KEY_QUALIFIERS = /* @__PURE__ */ new Set([
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
var WEAK_QUALIFIERS = /* @__PURE__ */ new Set(["primary", "secondary", "read", "write", "user", "dev", "prod", "production", "live", "test", "root"]);
var KEY_WORDS = /* @__PURE__ */ new Set(["key", "keys"]);
var TAIL_EXEMPT = /* @__PURE__ */ new Set([
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
var AFTER_EXEMPT = /* @__PURE__ */ new Set([
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
var ID_TAIL = /* @__PURE__ */ new Set(["id", "ids", "guid", "uuid"]);
var DIGEST_TAIL = /* @__PURE__ */ new Set(["checksum", "checksums", "sha", "sha1", "sha256", "sha512", "hash", "hashes", "md5", "digest", "fingerprint", "fingerprints", "fpr", "sum", "sums", "shasum"]);
var QUANTITY_TAIL = /* @__PURE__ */ new Set([
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
var QUANTITY_ANY = /* @__PURE__ */ new Set(["max", "min", "num", "number", "count", "total"]);
var ANY_EXEMPT = /* @__PURE__ */ new Set([
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
var GPG_WORDS = /* @__PURE__ */ new Set(["gpg", "pgp", "gnupg", "gpgkey", "gpgkeys"]);
var WHOLE_NAME_EXEMPT = /* @__PURE__ */ new Set(["PWD", "OLDPWD"]);
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
function isSecretName(name, opts) {
  const a = analyzeName(name, opts);
  if (a.strength === "strong" && (!a.exemption || a.exemption === "fingerprint")) return { secret: true, word: a.word };
  return { secret: false };
}
var NO_OPTS = {};
var caches = /* @__PURE__ */ new WeakMap();
function cacheFor(opts) {
  const key = opts ?? NO_OPTS;
  let c = caches.get(key);
  if (!c) {
    c = /* @__PURE__ */ new Map();
    caches.set(key, c);
  }
  return c;
}
var matchers = /* @__PURE__ */ new WeakMap();
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

// src/classify/values.ts
function literalParts(value) {
  if (!value) return [];
  if (!SPECIAL_CHAR.test(value)) return [value];
  const out = [];
  parseInto(value, out);
  return out;
}
var SPECIAL_CHAR = /[$%{`\\]/;
function literalText(value) {
  return literalParts(value).join("");
}
var NAME_START = /[A-Za-z_]/;
var NAME_CHAR = /[A-Za-z0-9_]/;
var SPECIAL_PARAM = /[0-9@*#?$!-]/;
var PERCENT_VAR = /%[A-Za-z_][A-Za-z0-9_]*%/y;
var BRACED_NAME = /^(?:#?[A-Za-z_][A-Za-z0-9_]*|#?[0-9]+|[@*#?$!-])/;
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
function valueKind(value) {
  return kindOf(value, literalParts(value));
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
var PLACEHOLDER_WORDS = /* @__PURE__ */ new Set([
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
var DESCRIPTION_WORDS = /* @__PURE__ */ new Set([
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
var PLACEHOLDER_RES = [
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
var joinRes = (rs, flags) => new RegExp(rs.map((r) => `(?:${r.source})`).join("|"), flags);
var PLACEHOLDER_CI = joinRes(PLACEHOLDER_RES.filter((r) => r.flags.includes("i")), "i");
var PLACEHOLDER_CS = joinRes(PLACEHOLDER_RES.filter((r) => !r.flags.includes("i")), "");
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
var ASCII_COUNTS = new Int32Array(128);
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
var PATH_RE = /^(?:\/[^\s]*|\.\.?\/\S*|~\/\S*|[A-Za-z]:[\\/].*|\\\\\S+|file:\/\/\S*)$/;
var KEY_FILE_RE = /^(?:[\w.-]+\/)*(?:[\w.-]+\.(?:pem|key|crt|cer|csr|p12|pfx|p8|json|txt|asc|gpg|jks|keystore|truststore|pub|der|env|ya?ml|conf|cfg|ini|properties|secret|secrets|token|pass|passwd|htpasswd|sh|bash|py|rb|js|ps1|bat|cmd|exe)|id_(?:rsa|dsa|ecdsa|ed25519)(?:\.pub)?)$/i;
function isPathLike(s) {
  const t = s.trim();
  return PATH_RE.test(t) || KEY_FILE_RE.test(t);
}
var UNIT = "(?:ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|years?|k|kb|mb|g|gb)";
var NUMBER_DURATION = new RegExp(`^[-+]?(?:\\d+(?:\\.\\d+)?${UNIT})*\\d+(?:\\.\\d+)?${UNIT}?$`, "i");
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

// src/util/escape-re.ts
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

// src/classify/tokens.ts
var B = "(?<![A-Za-z0-9_])";
var E = "(?![A-Za-z0-9_])";
var varied = (prefixLen) => (s) => {
  const body = s.slice(prefixLen);
  return body.length > 0 && dominantCharRatio(body) <= 0.5 && new Set(body).size >= 3;
};
var AWS_EXAMPLES = /* @__PURE__ */ new Set([
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "AKIAI44QH8DHBEXAMPLE",
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
]);
function isAwsDocExample(s) {
  return AWS_EXAMPLES.has(s);
}
function literalSecret(s) {
  const lit = literalText(s);
  return lit.length > 0 && lit === s && !isPlaceholder(s) && !isPathLike(s);
}
var FORMATS = [
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
var CS = compile2(
  FORMATS.filter((f) => !f.ci),
  false
);
var CI = compile2(
  FORMATS.filter((f) => f.ci),
  true
);
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

// src/classify/index.ts
var AUTH_SCHEMES = /* @__PURE__ */ new Set([
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
var PUBLIC_BY_DESIGN = /^(?:pk_(?:live|test)_[0-9A-Za-z]{10,}|phc_[0-9A-Za-z]{20,}|\d+-[0-9a-z]+\.apps\.googleusercontent\.com)$/;
function publicIdName(words) {
  if (words.includes("secret")) return false;
  if (words.includes("pusher") && words.includes("key")) return true;
  const storage = ["aws", "minio", "s3", "spaces", "r2", "b2", "gcs", "storage", "bucket", "wasabi", "oss", "do"];
  const i = words.indexOf("access");
  return i >= 0 && words[i + 1] === "key" && (i === 0 || words.some((w) => storage.includes(w)));
}
var PUBLISHED_KEYS = [
  ["Azurite emulator account key (devstoreaccount1)", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="]
];
var CREDENTIAL_QUERY = /[?&](?:[a-z_]*token|[a-z_]*key|secret|sig|signature|password|pass|pwd|auth|code)=[^&$%{\s]/i;
var URL_VALUE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
var CONN_STRING_VALUE = /^\s*[A-Za-z][A-Za-z ]*=[^;]*(?:;\s*[A-Za-z][A-Za-z ]*=[^;]*)+;?\s*$/;
var VALUE_ONLY_WORDS = /* @__PURE__ */ new Set(["dsn", "connection_string", "conn_str", "connstr", "connectionstring"]);
var CREDS_FILE_NAME = /^[a-z0-9]+(?:[_-][a-z0-9]+)*[_-](?:creds|credentials)$/;
var AWS_SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;
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

// src/classify/redact.ts
var FRAGMENT = 8;
var SecretIndex = class _SecretIndex {
  static MAX_INDEXED = 2e3;
  windows = /* @__PURE__ */ new Set();
  whole = /* @__PURE__ */ new Set();
  constructor(secrets) {
    let n = 0;
    for (const s of secrets) {
      if (s.length === 0 || n++ >= _SecretIndex.MAX_INDEXED) continue;
      this.whole.add(s);
      for (let i = 0; i + FRAGMENT <= s.length; i++) this.windows.add(s.slice(i, i + FRAGMENT));
    }
  }
  has(text) {
    return this.whole.has(text);
  }
  /** Spans of `text` that are pieces (8 characters or more) of an indexed secret. */
  spansIn(text, into) {
    if (this.windows.size === 0) return;
    for (let i = 0; i + FRAGMENT <= text.length; i++) if (this.windows.has(text.slice(i, i + FRAGMENT))) into.push({ start: i, end: i + FRAGMENT });
  }
};
var EMPTY_INDEX = new SecretIndex([]);

// src/text/expand.ts
function expand(text, vars, escape = "\\") {
  if (text.indexOf("$") < 0) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== "$" && c !== escape) {
      let j = text.indexOf("$", i);
      if (j < 0) j = text.length;
      const e = escape ? text.indexOf(escape, i) : -1;
      if (e >= 0 && e < j) j = e;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (c === escape && text[i + 1] === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (c !== "$") {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === "{") {
      const close = findClose(text, i + 2);
      if (close < 0) return null;
      const body = text.slice(i + 2, close);
      const m2 = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+?])(.*))?$/s.exec(body);
      if (!m2) return null;
      const [, name2, colon, op, word] = m2;
      const has = vars.has(name2);
      const val2 = vars.get(name2);
      if (has && val2 === null) return null;
      const set = has && (colon ? val2 !== "" : true);
      let piece;
      if (!op) piece = has ? val2 : null;
      else if (op === "-") piece = set ? val2 : expand(word ?? "", vars, escape);
      else if (op === "+") piece = set ? expand(word ?? "", vars, escape) : "";
      else piece = set ? val2 : null;
      if (piece === null) return null;
      out += piece;
      i = close + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!m) {
      out += "$";
      i++;
      continue;
    }
    const name = m[0];
    if (!vars.has(name)) return null;
    const val = vars.get(name);
    if (val === null || val === void 0) return null;
    out += val;
    i += 1 + name.length;
  }
  return out;
}
function findClose(text, from, open = "{", close = "}") {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === open) depth++;
    else if (text[j] === close && --depth === 0) return j;
  }
  return -1;
}
function referencedNames(text) {
  const out = [];
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2]);
  return out;
}

// src/text/location.ts
function span(line, column, length) {
  return { line, column, endLine: line, endColumn: column + length };
}
function locateInSegments(segments2, start, end, sep = " ") {
  let offset = 0;
  for (const s of segments2) {
    const segEnd = offset + s.text.length;
    if (start >= offset && start <= segEnd) {
      const col = s.column + (start - offset);
      const stop = Math.min(end, segEnd);
      return span(s.line, col, Math.max(1, stop - start));
    }
    offset = segEnd + sep.length;
  }
  return null;
}
function joinSegments(segments2, sep = " ") {
  return segments2.map((s) => s.text).join(sep);
}

// src/text/shell.ts
function isWord(t) {
  return t.raw !== void 0;
}
function opAt(text, i) {
  const c = text[i];
  switch (c) {
    case "&":
    case "|":
    case ";":
      return text[i + 1] === c ? c + c : c;
    case "(":
    case ")":
    case "\n":
      return c;
    default:
      return null;
  }
}
function isSpace(code) {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
}
function tokenize(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "	" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#" && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    const op = opAt(text, i);
    if (op) {
      out.push({ op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const start = i;
    let value = "";
    while (i < text.length) {
      const ch = text[i];
      if (ch === " " || ch === "	" || ch === "\r" || ch === "\n" || ch === ";" || ch === "|" || ch === "&") break;
      if (ch === "\\" && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
      } else if (ch === "'") {
        const close = text.indexOf("'", i + 1);
        const stop = close < 0 ? text.length : close;
        value += text.slice(i + 1, stop);
        i = stop + 1;
      } else if (ch === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) {
            value += text[i + 1];
            i += 2;
          } else value += text[i++];
        }
        i++;
      } else if (ch === "$" && text[i + 1] === "(") {
        const found = findClose(text, i + 2, "(", ")");
        const close = found < 0 ? text.length - 1 : found;
        value += text.slice(i, close + 1);
        i = close + 1;
      } else {
        value += ch;
        i++;
      }
    }
    if (i > text.length) i = text.length;
    out.push({ value, raw: text.slice(start, i), start, end: i });
  }
  return out;
}
function commandWords(text) {
  const out = [];
  let words = [];
  const flush = () => {
    let i = 0;
    while (i < words.length && RESERVED_BEFORE_COMMAND.has(words[i].raw)) i++;
    const command = words.slice(i);
    if (command.length && !(command.length === 1 && RESERVED_ALONE.has(command[0].raw))) out.push(command);
    words = [];
  };
  for (const t of tokenize(text)) {
    if (isWord(t)) words.push(t);
    else if (words.length) flush();
  }
  if (words.length) flush();
  return out;
}
var RESERVED_BEFORE_COMMAND = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{"]);
var RESERVED_ALONE = /* @__PURE__ */ new Set(["fi", "done", "esac", "}"]);
var ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;
var DECLARE_COMMANDS = /* @__PURE__ */ new Set(["export", "readonly", "declare", "typeset", "local"]);
function assignmentOf(w) {
  const m = ASSIGN.exec(w.raw);
  if (!m) return null;
  return { name: m[1], value: w.value.slice(w.value.indexOf("=") + 1) };
}
var WRAPPERS = /* @__PURE__ */ new Set(["sudo", "env", "exec", "time", "nohup", "command", "nice", "doas"]);
function simpleCommands(text) {
  return commandWords(text).map(toCommand);
}
function toCommand(words) {
  let i = 0;
  const assignments = [];
  while (i < words.length && assignmentOf(words[i])) assignments.push(words[i++]);
  while (i < words.length && WRAPPERS.has(words[i].value)) {
    i++;
    while (i < words.length && (words[i].value.startsWith("-") || assignmentOf(words[i]))) {
      if (assignmentOf(words[i])) assignments.push(words[i]);
      i++;
    }
  }
  const c = { words, assignments, args: words.slice(i + 1), start: words[0].start, end: words[words.length - 1].end };
  if (i < words.length) c.head = words[i];
  return c;
}
function runScripts(run3) {
  const out = run3.form === "shell" ? [{ segments: run3.segments, sep: " ", text: joinSegments(run3.segments, " ") }] : [];
  for (const h of run3.heredocs) out.push({ segments: h.segments, sep: "\n", text: joinSegments(h.segments, "\n") });
  return out;
}

// src/classify/commands.ts
var Q = `["']?`;
var PATTERNS = [
  // curl/wget style basic auth: -u user:pass, --user=user:pass, --proxy-user user:pass (not the
  // `:-` of `-u "${USERS:-10}"`)
  { type: "password in a --user option", re: new RegExp(`(?:^|\\s)(?:-u|--user|--proxy-user|--http-user)(?:=|\\s+)${Q}[^\\s"':{]*:([^\\s"']+)`, "g"), group: 1 },
  // --password literal / --password=literal / --http-password / --token / --api-key / --secret /
  // redis-server --requirepass / --masterauth
  { type: "credential option", re: new RegExp(`(?:^|\\s)--(?:password|passwd|http-password|proxy-password|token|auth-token|api-key|apikey|access-token|secret|client-secret|requirepass|masterauth)(?:=|\\s+)${Q}([^\\s"']+)`, "gi"), group: 1 },
  // docker/podman/helm login -p literal
  { type: "password option", re: new RegExp(`(?:docker|podman|buildah|skopeo|helm|oras|crane)\\s+(?:\\S+\\s+)*?login\\b[^\\n]*?\\s-p(?:=|\\s+)${Q}([^\\s"']+)`, "g"), group: 1 },
  // mysql -psecret (glued form only; `-p` alone prompts)
  { type: "MySQL password option", re: /(?:^|\s)(?:mysql|mysqladmin|mysqldump|mariadb|mariadb-admin|mariadb-dump)\b[^\n|;&]*?\s-p([^\s"'-][^\s"']*)/g, group: 1 },
  // sshpass -p literal
  { type: "sshpass password", re: new RegExp(`sshpass\\s+-p\\s*${Q}([^\\s"']+)`, "g"), group: 1 },
  // HTTP auth headers
  { type: "authorization header", re: /(?:Authorization:\s*(?:Bearer|Basic|token|Token)|PRIVATE-TOKEN:|X-API-Key:|X-Auth-Token:|Api-Key:)\s*([^\s"']+)/gi, group: 1 },
  // npm / yarn registry auth written to .npmrc
  { type: "npm auth token", re: /(?:_authToken|_auth|_password)\s*=\s*["']?([^\s"']+)/g, group: 1 }
];
function isLiteralSecret(value) {
  if (value.length < 3 || /^[$`%]|\$[({]/.test(value)) return false;
  if (isPathLike(value)) return false;
  const k = valueKind(value);
  return k === "literal";
}
function scanCommand(text, opts) {
  const out = [...scanText(text)];
  const add = (m) => {
    if (!out.some((o) => m.start < o.end && m.end > o.start)) out.push(m);
  };
  const unlisted = listsAsWords(text);
  for (const t of unlisted === null ? [text] : [text, unlisted]) {
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(t); m; m = p.re.exec(t)) {
        const secret = m[p.group];
        if (!secret || !isLiteralSecret(secret)) continue;
        const start = m.index + m[0].lastIndexOf(secret);
        add({ type: p.type, start, end: start + secret.length, text: secret });
      }
    }
    if (PROGRAM_HINT.test(t)) for (const m of programArguments(t, opts)) add(m);
  }
  return out.sort((a, b) => a.start - b.start);
}
var STRING_LIST = /\[[ \t]*(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*')(?:[ \t]*,[ \t]*(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'))*[ \t]*,?[ \t]*\]/g;
var LIST_PARTS = /"((?:[^"\\]|\\.)*)"|'([^']*)'|[[\],]/g;
function listsAsWords(text) {
  if (!text.includes("[")) return null;
  let changed = false;
  const out = text.replace(STRING_LIST, (list) => {
    changed = true;
    return list.replace(LIST_PARTS, (m, d, q) => (d ?? q) !== void 0 ? ` ${d ?? q} ` : " ");
  });
  return changed ? out : null;
}
var PROGRAM_HINT = /chpasswd|htpasswd|useradd|usermod|redis-cli|valkey-cli|keydb-cli|nuget|msiexec/i;
function programOf(w) {
  const raw = w.raw.replace(/^["']|["']$/g, "");
  return (raw.split(/[\\/]/).pop() ?? "").toLowerCase().replace(/\.exe$/, "");
}
function secretIn(w, type, from = 0, trim = "") {
  const single = w.raw.length >= 2 && w.raw.startsWith("'") && w.raw.endsWith("'");
  let value = (single ? w.raw.slice(1, -1) : w.value).slice(from);
  if (trim && value.endsWith(trim)) value = value.slice(0, -trim.length);
  if (single) {
    if (value.length < 3 || isPlaceholder(value) || isPathLike(value)) return null;
  } else if (!isLiteralSecret(value)) return null;
  const at = w.raw.lastIndexOf(value);
  if (at < 0) return null;
  return { type, start: w.start + at, end: w.start + at + value.length, text: value };
}
function optionValues(args, names, type, ci = false) {
  const out = [];
  const norm = (s) => ci ? s.toLowerCase() : s;
  for (let i = 0; i < args.length; i++) {
    const v = norm(args[i].value);
    const eq = names.find((n) => n.startsWith("--") && v.startsWith(`${norm(n)}=`));
    if (eq) {
      const m = secretIn(args[i], type, eq.length + 1);
      if (m) out.push(m);
    } else if (names.some((n) => norm(n) === v) && args[i + 1]) {
      const m = secretIn(args[i + 1], type);
      if (m) out.push(m);
      i++;
    }
  }
  return out;
}
function htpasswd(args) {
  let batch = false;
  let stdout = false;
  const operands = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (/^-[A-Za-z0-9]+$/.test(v) && operands.length === 0) {
      if (v.includes("b")) batch = true;
      if (v.includes("n")) stdout = true;
      if (/[Cr]$/.test(v)) i++;
    } else operands.push(args[i]);
  }
  const pass = batch ? operands[stdout ? 1 : 2] : void 0;
  const m = pass ? secretIn(pass, "htpasswd password") : null;
  return m ? [m] : [];
}
function nuget(args) {
  const [a, b] = [args[0]?.value ?? "", args[1]?.value ?? ""];
  const source = /^sources?$/i.test(a) && /^(?:add|update)$/i.test(b) || /^(?:add|update)$/i.test(a) && /^source$/i.test(b);
  return source ? optionValues(args.slice(2), ["-password", "-p", "--password"], "NuGet source password", true) : [];
}
function msiexec(args, opts) {
  const out = [];
  for (const w of args) {
    const single = w.raw.length >= 2 && w.raw.startsWith("'") && /',?$/.test(w.raw);
    const value = single ? w.raw.replace(/^'|',?$/g, "") : w.value.replace(/,$/, "");
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)=(.+)$/.exec(value);
    if (!m) continue;
    const c = classify(m[1], m[2], opts);
    if (!c.secret || !c.secretText) continue;
    const secret = secretIn(w, `value for ${m[1]}`, m[1].length + 1, w.value.endsWith(",") || w.raw.endsWith(",") ? "," : "");
    if (secret && secret.text.includes(c.secretText)) out.push(secret);
  }
  return out;
}
function echoedPassword(prev) {
  let i = prev.words.length - 1;
  while (i >= 0 && !ECHO.has(programOf(prev.words[i]))) i--;
  if (i < 0) return null;
  const w = prev.words.slice(i + 1).reverse().find((a) => !a.value.startsWith("-") && a.value.includes(":"));
  return w ? pairPassword(w, 0) : null;
}
var ECHO = /* @__PURE__ */ new Set(["echo", "printf"]);
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "zsh", "ksh"]);
function pairPassword(w, from) {
  const single = w.raw.length >= 2 && w.raw.startsWith("'") && w.raw.endsWith("'");
  const value = (single ? w.raw.slice(1, -1) : w.value).slice(from);
  const colon = colonOutsideExpansions(value);
  if (colon < 0) return null;
  return secretIn(w, "chpasswd password", from + colon + 1, "\\n");
}
function colonOutsideExpansions(s) {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "$" && (s[i + 1] === "{" || s[i + 1] === "(")) {
      depth++;
      i++;
    } else if (depth > 0 && (c === "}" || c === ")")) depth--;
    else if (depth === 0 && c === ":") return i;
  }
  return -1;
}
function programArguments(text, opts, depth = 0) {
  const out = [];
  const cmds = simpleCommands(text);
  cmds.forEach((c, k) => {
    let head = c.head ? programOf(c.head) : "";
    let args = c.args;
    if (SHELLS.has(head) && /^-[a-z]*c$/.test(args[0]?.value ?? "") && args[1]) {
      const script = args[1];
      const q = script.raw[0];
      if ((q === '"' || q === "'") && script.raw.length >= 2 && script.raw.endsWith(q)) {
        if (depth < 3) for (const m of programArguments(script.raw.slice(1, -1), opts, depth + 1)) out.push({ ...m, start: m.start + script.start + 1, end: m.end + script.start + 1 });
        return;
      }
      head = programOf(script);
      args = args.slice(2);
    }
    switch (head) {
      case "chpasswd": {
        const prev = cmds[k - 1];
        const piped = prev && /^\s*\|\s*$/.test(text.slice(prev.end, c.start));
        if (piped) {
          const m = echoedPassword(prev);
          if (m) out.push(m);
        }
        args.forEach((a, i) => {
          if (a.raw === "<<<" && args[i + 1]) {
            const m = pairPassword(args[i + 1], 0);
            if (m) out.push(m);
          } else if (a.raw.startsWith("<<<") && a.raw.length > 3) {
            const inner = { value: a.value.slice(3), raw: a.raw.slice(3), start: a.start + 3, end: a.end };
            const m = pairPassword(inner, 0);
            if (m) out.push(m);
          }
        });
        break;
      }
      case "htpasswd":
        out.push(...htpasswd(args));
        break;
      case "useradd":
      case "usermod":
        out.push(...optionValues(args, ["-p", "--password"], `${head} password`));
        break;
      case "redis-cli":
      case "valkey-cli":
      case "keydb-cli":
        out.push(...optionValues(args, ["-a", "--pass"], "Redis password"));
        break;
      default:
        break;
    }
    c.words.forEach((w, i) => {
      const p = programOf(w);
      if (p === "nuget") out.push(...nuget(c.words.slice(i + 1)));
      else if (p === "msiexec") out.push(...msiexec(c.words.slice(i + 1), opts));
    });
  });
  return out;
}

// src/report/rule-docs.ts
var cachedRoot;
function packageRoot(start = __dirname) {
  if (start === __dirname && cachedRoot !== void 0) return cachedRoot;
  let dir = path.resolve(start);
  let found = null;
  for (; ; ) {
    const pj = path.join(dir, "package.json");
    if ((0, import_node_fs.existsSync)(pj)) {
      try {
        if (JSON.parse((0, import_node_fs.readFileSync)(pj, "utf8")).name === "godock") {
          found = dir;
          break;
        }
      } catch {
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (start === __dirname) cachedRoot = found;
  return found;
}
function readRuleDoc(rule, root = packageRoot()) {
  if (!root) return null;
  try {
    return (0, import_node_fs.readFileSync)(path.join(root, rule.docPath), "utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  } catch {
    return null;
  }
}

// src/engine/define-rule.ts
var REPO_URL = "https://github.com/godock/godock";
function docsUrlFor(id) {
  return `${REPO_URL}/blob/main/rules/${id}.md`;
}
function defineRule(def) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(def.id)) throw new Error(`rule id must be kebab-case: ${def.id}`);
  return { ...def, docsUrl: docsUrlFor(def.id), docPath: `rules/${def.id}.md` };
}

// src/text/interpolation.ts
var NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
var BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;
function scanComposeValue(value) {
  if (value === null || value === "") return { kind: "empty", refs: [], literal: "", error: null };
  const refs = [];
  const out = { literal: "", hasFallback: false, error: null };
  scanInto(value, 0, false, refs, out);
  const kind = out.literal.length > 0 || refs.length === 0 || out.hasFallback ? "literal" : "reference";
  return { kind, refs, literal: out.literal, error: out.error };
}
function scanInto(text, base, nested, refs, out) {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== "$") {
      out.literal += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === "$") {
      out.literal += "$";
      i += 2;
      continue;
    }
    if (next === "{") {
      const close = findClose(text, i + 2);
      const m = close < 0 ? null : BRACED.exec(text.slice(i + 2, close));
      if (!m) {
        out.error ??= `invalid interpolation format: ${close < 0 ? "missing closing brace" : "bad variable name"}`;
        out.literal += text.slice(i, close < 0 ? text.length : close + 1);
        i = close < 0 ? text.length : close + 1;
        continue;
      }
      const op = m[2] ?? "";
      refs.push({ name: m[1], op, start: base + i, end: base + close + 1, nameStart: base + i + 2, nested });
      if (op === ":-" || op === "-" || op === ":+" || op === "+") {
        const word = m[3] ?? "";
        if (word.length > 0) out.hasFallback = true;
        scanInto(word, base + i + 2 + m[1].length + op.length, true, refs, out);
      }
      i = close + 1;
      continue;
    }
    const n = NAME.exec(text.slice(i + 1));
    if (!n) {
      out.literal += "$";
      i++;
      continue;
    }
    refs.push({ name: n[0], op: "", start: base + i, end: base + i + 1 + n[0].length, nameStart: base + i + 1, nested });
    i += 1 + n[0].length;
  }
}

// rules/compose-host-interpolation.ts
var HOST_ONLY_VARS = ["GOPATH", "GOROOT", "GOBIN", "GOCACHE", "GOMODCACHE", "GOENV", "GOTMPDIR", "PATH", "HOME"];
function refLoc(a, r) {
  const v = a.valueLoc;
  const raw = a.raw;
  const asIs = raw === void 0 || raw.length === (a.value ?? "").length + 2 && raw.slice(1, -1) === a.value;
  if (!asIs || v.endLine !== v.line) return v;
  return { line: v.line, column: v.column + r.start, endLine: v.line, endColumn: v.column + r.end };
}
var compose_host_interpolation_default = defineRule({
  id: "compose-host-interpolation",
  category: "go-env",
  severity: "warning",
  formats: ["compose"],
  description: "Compose value takes a toolchain path variable from the host",
  tags: ["compose", "go"],
  defaultOptions: { names: HOST_ONLY_VARS },
  messages: {
    hostValue: "{{ref}} in {{name}} is filled in from the host shell when docker compose reads the file, so the container gets the host's {{ref}}, not its own. Write ${{ref}} to leave it to the container, or write the container path."
  },
  check(model, ctx) {
    const names = new Set(ctx.options.names ?? HOST_ONLY_VARS);
    for (const a of model.assignments) {
      if (a.kind !== "environment" && a.kind !== "build-arg" || a.value === null || !a.valueLoc) continue;
      for (const r of scanComposeValue(a.value).refs) {
        if (!names.has(r.name)) continue;
        ctx.report({ loc: refLoc(a, r), messageId: "hostValue", data: { name: a.name, ref: `$${r.name}` } });
      }
    }
  }
});

// src/go/image.ts
var NOT_GO = { golang: false, goroot: null, windows: false };
function splitImageRef(ref) {
  let rest = ref.trim();
  const at = rest.indexOf("@");
  if (at >= 0) rest = rest.slice(0, at);
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) return { repo: rest.slice(0, colon).toLowerCase(), tag: rest.slice(colon + 1) };
  return { repo: rest.toLowerCase(), tag: null };
}
function golangImage(ref) {
  if (!ref) return NOT_GO;
  const { repo, tag } = splitImageRef(ref);
  const isGo = repo === "golang" || repo === "library/golang" || repo === "docker.io/golang" || repo.endsWith("/library/golang");
  if (!isGo) return NOT_GO;
  const windows = tag !== null && /(windowsservercore|nanoserver)/i.test(tag);
  return { golang: true, goroot: (windows ? GOLANG_IMAGE.windows : GOLANG_IMAGE.linux).goroot, windows };
}
var GOLANG_IMAGE = {
  linux: { goroot: "/usr/local/go", gopath: "/go", toolchain: "local" },
  windows: { goroot: "C:\\Program Files\\Go", gopath: "C:\\go" }
};
var GOLANG_IMAGE_ENV = {
  GOPATH: GOLANG_IMAGE.linux.gopath,
  GOTOOLCHAIN: GOLANG_IMAGE.linux.toolchain,
  PATH: `${GOLANG_IMAGE.linux.gopath}/bin:${GOLANG_IMAGE.linux.goroot}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`
};
var GOLANG_WINDOWS_IMAGE_ENV = {
  GOPATH: GOLANG_IMAGE.windows.gopath
};
function golangTagVersion(ref) {
  if (!ref || !golangImage(ref).golang) return null;
  const { tag } = splitImageRef(ref);
  const m = tag ? /^(\d+(?:\.\d+){0,2}(?:(?:rc|beta)\d+)?)(?:$|-)/.exec(tag) : null;
  return m ? m[1] : null;
}
function goVersionsAgree(a, b) {
  const parts = (v) => v.replace(/^go/, "").split(/\.|(?=rc|beta)/);
  const x = parts(a);
  const y = parts(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}
function isPlainOsImage(ref) {
  if (!ref) return false;
  const { repo } = splitImageRef(ref);
  const r = repo.replace(/^docker\.io\//, "").replace(/^library\//, "");
  return /^(scratch|alpine|debian|ubuntu|busybox|centos|fedora|amazonlinux|rockylinux|almalinux|archlinux|oraclelinux|buildpack-deps)$/.test(r) || /^(gcr\.io\/distroless\/|registry\.access\.redhat\.com\/ubi|redhat\/ubi|opensuse\/|cgr\.dev\/chainguard\/(static|wolfi-base))/.test(r);
}
var LATEST = { minor: Infinity, patch: null };
function goVersionOfImage(ref) {
  if (!ref || !golangImage(ref).golang) return null;
  const { tag } = splitImageRef(ref);
  const v = golangTagVersion(ref);
  if (v !== null) {
    const m = /^1(?:\.(\d+))?(?:\.(\d+))?/.exec(v);
    if (!m) return null;
    return m[1] === void 0 ? LATEST : { minor: Number(m[1]), patch: m[2] === void 0 ? null : Number(m[2]) };
  }
  if (tag === null) return ref.includes("@") ? null : LATEST;
  return /^(latest|tip|alpine|bookworm|bullseye|buster|trixie|stretch|windowsservercore|nanoserver)\b/.test(tag) ? LATEST : null;
}
function goVersionText(v) {
  if (v.minor === Infinity) return "the latest Go";
  return `Go 1.${v.minor}${v.patch === null ? "" : `.${v.patch}`}`;
}
function atLeastGo(v, minor) {
  return v !== null && v.minor >= minor;
}
function olderThanGo(v, minor) {
  return v !== null && v.minor < minor;
}
var GO_VERSION = /^1(?:\.(0|[1-9]\d*)(?:(?:rc|beta)[1-9]\d*|\.(0|[1-9]\d*))?)?$/;

// src/go/paths.ts
var DRIVE = /^[A-Za-z]:[\\/]/;
var UNC = /^\\\\[^\\]/;
function looksWindows(p) {
  return DRIVE.test(p) || UNC.test(p);
}
function isAbsGoPath(p, windows) {
  if (windows === true) return looksWindows(p);
  if (windows === false) return p.startsWith("/");
  return p.startsWith("/") || p.startsWith("\\") || looksWindows(p);
}
function cleanGoPath(p, windows) {
  const win = windows === true || windows === null && looksWindows(p);
  if (win) {
    const s = p.replace(/\//g, "\\");
    const m = /^([A-Za-z]:|\\\\[^\\]+\\[^\\]+)(.*)$/.exec(s);
    const vol = m ? m[1].toLowerCase() : "";
    const rest = m ? m[2] : s;
    return vol + "\\" + segments(rest.split("\\"), true).join("\\");
  }
  const abs = p.startsWith("/");
  const parts = segments(p.split("/"), abs);
  if (abs) return "/" + parts.join("/");
  return parts.length ? parts.join("/") : ".";
}
function segments(raw, rooted) {
  const out = [];
  for (const seg of raw) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
    } else out.push(seg);
  }
  return out;
}
function cmpKey(p, windows) {
  const c = cleanGoPath(p, windows);
  return looksWindows(c) || windows === true ? c.toLowerCase() : c;
}
function pathRelation(child, parent, windows) {
  const c = cmpKey(child, windows);
  const p = cmpKey(parent, windows);
  if (c === p) return "equal";
  const sep = c.includes("\\") || p.includes("\\") ? "\\" : "/";
  const prefix = p.endsWith(sep) ? p : p + sep;
  return c.startsWith(prefix) ? "inside" : null;
}
function joinGoPath(dir, rel, windows) {
  const win = windows === true || windows === null && looksWindows(dir);
  return cleanGoPath(`${dir}${win ? "\\" : "/"}${rel}`, windows);
}
function splitGoPathList(value, windows) {
  const win = windows === true || windows === null && (value.includes(";") || looksWindows(value));
  return value.split(win ? ";" : ":");
}

// src/facts/derived.ts
var facts = /* @__PURE__ */ new WeakMap();
function derived(model, compute) {
  let m = facts.get(model);
  if (!m) facts.set(model, m = /* @__PURE__ */ new Map());
  if (m.has(compute)) return m.get(compute);
  const value = compute(model);
  m.set(compute, value);
  return value;
}

// src/facts/stage-env.ts
function imageDefaults(scope) {
  const m = /* @__PURE__ */ new Map();
  if (!scope?.golang) return m;
  const defaults = scope.windows ? GOLANG_WINDOWS_IMAGE_ENV : GOLANG_IMAGE_ENV;
  for (const [k, v] of Object.entries(defaults)) m.set(k, v);
  return m;
}
function scopeOf(model, a, byName) {
  if (a.scope !== void 0) return byName.get(a.scope);
  if (model.format === "env-file" && a.services) {
    const services = a.services.map((s) => byName.get(s)).filter((s) => !!s);
    return services.find((s) => s.golang) ?? services[0];
  }
  return void 0;
}
function envFactory() {
  const envs = /* @__PURE__ */ new Map();
  const envFor = (key, scope) => {
    let e = envs.get(key);
    if (!e) {
      const parent = scope?.parent !== void 0 ? envs.get(scope.parent) : void 0;
      e = parent ? new Map(parent) : imageDefaults(scope);
      envs.set(key, e);
    }
    return e;
  };
  return { envs, envFor };
}
var PERSISTENT = /* @__PURE__ */ new Set(["env", "environment", "env-file"]);
function computeSteps(model) {
  const byName = new Map(model.scopes.map((s) => [s.name, s]));
  const { envFor } = envFactory();
  const args = /* @__PURE__ */ new Map();
  const steps = [];
  for (const a of model.assignments) {
    const scope = scopeOf(model, a, byName);
    const key = a.scope ?? (model.format === "env-file" ? `env:${scope?.name ?? ""}` : "");
    const env = envFor(key, scope);
    let argMap = args.get(key);
    if (!argMap) args.set(key, argMap = /* @__PURE__ */ new Map());
    const am = argMap;
    const vars = am.size ? { has: (k) => env.has(k) || am.has(k), get: (k) => env.has(k) ? env.get(k) : am.get(k) } : env;
    const expanded = a.value === null ? null : a.kind === "env-file" || a.kind === "environment" ? a.value : expand(a.value, vars);
    steps.push({ a, scope, key, expanded });
    if (a.viaOnbuild) continue;
    if (PERSISTENT.has(a.kind)) env.set(a.name, expanded);
    else if (a.kind === "arg") argMap.set(a.name, a.value === null ? argMap.get(a.name) ?? null : expanded);
  }
  return steps;
}
function walkEnv(model, visit = () => void 0) {
  const { envs, envFor } = envFactory();
  for (const { a, scope, key, expanded } of derived(model, computeSteps)) {
    const env = envFor(key, scope);
    visit({ a, scope, env, expanded });
    if (!a.viaOnbuild && PERSISTENT.has(a.kind)) env.set(a.name, expanded);
  }
  for (const s of model.scopes) envFor(s.name, s);
  return envs;
}

// src/facts/stage-context.ts
function stageChain(model, name) {
  const out = [];
  let s = name === void 0 ? void 0 : model.scopes.find((x) => x.name === name);
  while (s && !out.includes(s)) {
    out.push(s);
    s = s.parent === void 0 ? void 0 : model.scopes.find((x) => x.name === s.parent);
  }
  return out;
}
function stageNames(model, name) {
  if (name === void 0) return [];
  const all = derived(model, chainNames);
  return all.get(name) ?? [];
}
function chainNames(model) {
  return new Map(model.scopes.map((s) => [s.name, stageChain(model, s.name).map((x) => x.name)]));
}
function envAt(model, scope, line) {
  const before2 = { ...model, assignments: model.assignments.filter((a) => a.nameLoc.line < line) };
  return walkEnv(before2).get(scope) ?? /* @__PURE__ */ new Map();
}
function before(model, scope, line) {
  const chain = new Set(stageNames(model, scope));
  return (x) => chain.has(x.scope) && (x.scope !== scope || x.loc.line < line);
}
function stageEnv(model) {
  const expanded = /* @__PURE__ */ new Map();
  walkEnv(model, ({ a, expanded: e }) => expanded.set(a, e));
  return {
    at(scope, line, name) {
      const inEffect = before(model, scope, line);
      let env;
      let arg;
      let goenv;
      for (const a of model.assignments) {
        if (a.name !== name || a.viaOnbuild || a.scope === void 0 || !inEffect({ scope: a.scope, loc: a.nameLoc })) continue;
        const v = expanded.get(a) ?? null;
        if (a.kind === "env") env = v;
        else if (a.kind === "arg" && a.scope === scope) arg = a.value === null ? arg ?? null : v;
        else if (a.kind === "go-env-w") goenv = v;
      }
      if (env !== void 0) return env === "" ? void 0 : env;
      if (arg !== void 0) return arg === "" ? void 0 : arg;
      if (goenv !== void 0) return goenv === "" ? void 0 : goenv;
      return void 0;
    }
  };
}
function instructionsBefore(model, items, scope, line) {
  return items.filter(before(model, scope, line));
}
function fromStage(model, from) {
  const k = from.toLowerCase();
  return model.scopes.find((s) => s.name === k) ?? (/^\d+$/.test(k) ? model.scopes.find((s) => s.index === Number(k)) : void 0);
}
function isIntermediateStage(model, name) {
  const target = model.scopes.find((s) => s.name === name);
  if (!target) return false;
  const byFrom = model.scopes.some((s) => {
    if (s === target || !s.image) return false;
    const img = s.image.toLowerCase();
    const dollar = img.indexOf("$");
    return dollar < 0 ? img === name : dollar > 0 && name.startsWith(img.slice(0, dollar));
  });
  return byFrom || model.copies.some((c) => c.from !== void 0 && fromStage(model, c.from) === target);
}
function copyDestination(c, windows) {
  if (!c.dest) return null;
  const p = c.dest.path;
  if (p.includes("$")) return null;
  if (isAbsGoPath(p, windows)) return cleanGoPath(p, windows);
  return c.workdir === void 0 ? null : joinGoPath(c.workdir, p, windows);
}
var DISTRO_GO = [
  { managers: ["apt-get", "apt"], package: /^golang(?:-go)?$/, root: () => "/usr/lib/go" },
  { managers: ["apt-get", "apt"], package: /^golang-(1\.\d+)(?:-go)?$/, root: (pkg) => `/usr/lib/go-${/^golang-(1\.\d+)/.exec(pkg)[1]}` },
  { managers: ["apk"], package: /^go$/, root: () => "/usr/lib/go" },
  { managers: ["dnf", "yum", "microdnf", "tdnf"], package: /^golang(?:-bin)?$/, root: () => "/usr/lib/golang" }
];
function distroGoRootsAt(model, scope, line) {
  const roots = /* @__PURE__ */ new Set();
  for (const run3 of instructionsBefore(model, model.runs, scope, line)) {
    for (const { text } of runScripts(run3)) {
      for (const c of simpleCommands(text)) {
        const manager = c.head?.value.replace(/^.*\//, "");
        if (!manager || !c.args.some((w) => w.value === "install" || w.value === "add")) continue;
        for (const w of c.args) {
          const pkg = w.value.replace(/[=:].*$/, "");
          const d = DISTRO_GO.find((x) => x.managers.includes(manager) && x.package.test(pkg));
          if (d) roots.add(d.root(pkg));
        }
      }
    }
  }
  return [...roots];
}
function goRootsAt(model, scope, line, depth = 0) {
  const chain = stageChain(model, scope);
  const roots = [];
  const root = chain[chain.length - 1];
  if (root?.goroot) roots.push(root.goroot);
  if (depth > 8) return roots;
  const windows = chain[0]?.windows ?? false;
  for (const c of instructionsBefore(model, model.copies, scope, line)) {
    if (c.from === void 0) continue;
    const src = fromStage(model, c.from);
    const sourceRoots = src ? goRootsAt(model, src.name, Infinity, depth + 1) : golangImage(c.from).goroot ? [golangImage(c.from).goroot] : [];
    const dest = copyDestination(c, windows);
    if (dest === null) continue;
    for (const s of c.sources) {
      for (const g of sourceRoots) {
        const rel = pathRelation(g, s.path, src?.windows ?? windows);
        if (rel === "equal") roots.push(dest);
        else if (rel === "inside") {
          const tail = cleanGoPath(g, windows).slice(cleanGoPath(s.path, windows).length).replace(/^[\\/]+/, "");
          roots.push(joinGoPath(dest, tail, windows));
        }
      }
    }
  }
  return [...new Set(roots)];
}
var GO_ENV_KINDS = /* @__PURE__ */ new Set(["env", "arg", "run", "go-env-w", "environment", "env-file"]);
function setsGoEnv(a) {
  return GO_ENV_KINDS.has(a.kind) && !(a.kind === "arg" && a.scope === void 0);
}
function knownValue(v) {
  const x = v.expanded;
  if (x === null || /[$`]/.test(x)) return null;
  return x;
}
function targetWindows(scope) {
  if (!scope) return null;
  return scope.golang || scope.windows ? scope.windows : null;
}
function interpolationOnly(model, a) {
  return a.kind === "env-file" && !a.services?.length && /(^|[\\/])\.env$/.test(model.path);
}

// src/facts/go-commands.ts
function goInvocation(c) {
  if (!c.head || !isGoBinary(c.head.value)) return null;
  let i = 0;
  while (i < c.args.length && c.args[i].value.startsWith("-")) i += c.args[i].value === "-C" ? 2 : 1;
  const g = { tool: c.head.value, sub: "", args: [], command: c };
  if (i < c.args.length) {
    g.subWord = c.args[i];
    g.sub = g.subWord.value;
    g.args = c.args.slice(i + 1);
  }
  return g;
}
function goInvocations(text) {
  return simpleCommands(text).map(goInvocation).filter((g) => g !== null);
}
function flagValues(args, name) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === "--") break;
    const m = /^--?([A-Za-z0-9_.-]+)(?:=(.*))?$/s.exec(v);
    if (!m || m[1] !== name) continue;
    if (m[2] !== void 0) out.push(m[2]);
    else if (i + 1 < args.length) out.push(args[++i].value);
  }
  return out;
}
var GO_BUILDING_SUBCOMMANDS = /* @__PURE__ */ new Set(["build", "install", "run", "test", "vet", "get"]);
var GO_MODULE_SUBCOMMANDS = /* @__PURE__ */ new Set(["build", "install", "run", "test", "vet", "get", "generate", "list", "mod", "work"]);
function goCommands(model) {
  return derived(model, findGoCommands);
}
function findGoCommands(model) {
  const out = [];
  for (const run3 of model.runs) {
    for (const { segments: segments2, sep, text: script } of runScripts(run3)) {
      const persistent = /* @__PURE__ */ new Map();
      const setAll = (words, into, keep = false) => {
        for (const w of words) {
          const a = assignmentOf(w);
          if (a && !(keep && into.has(a.name))) into.set(a.name, a.value);
        }
      };
      for (const c of simpleCommands(script)) {
        if (!c.head) {
          if (c.assignments.length === c.words.length) setAll(c.assignments, persistent);
          continue;
        }
        if (DECLARE_COMMANDS.has(c.head.value)) {
          setAll(c.args, persistent);
          continue;
        }
        const g = goInvocation(c);
        if (!g) continue;
        const loc = locateInSegments(segments2, c.head.start, (g.subWord ?? c.head).end, sep);
        if (!loc) continue;
        const vars = new Map(persistent);
        setAll(c.assignments, vars);
        out.push({ ...g, run: run3, loc, vars, script, locate: (w) => locateInSegments(segments2, w.start, w.end, sep) });
        if (g.sub === "env" && g.args.some((w) => w.value === "-w")) setAll(g.args, persistent, true);
      }
    }
  }
  return out;
}

// rules/go-binary-without-goroot.ts
var BINARY = /^(.*?)[\\/]bin(?:[\\/](?:go(?:\.exe)?|\*))?[\\/]?$/;
function binaryRoot(path2, sourceRoots) {
  const m = BINARY.exec(path2.trim());
  if (!m) return null;
  const root = m[1];
  if (/^\$\{?GOROOT\}?$/.test(root)) return root;
  if (sourceRoots.some((r) => pathRelation(root, r, null) === "equal")) return root;
  const clean = cleanGoPath(root, null);
  if (/[\\/]go$/i.test(clean) && clean !== "/go" && !/^[a-z]:\\go$/i.test(clean)) return clean;
  return null;
}
function runsGoLater(model, scope, line) {
  return model.runs.some(
    (r) => stageChain(model, r.scope).some((s) => s.name === scope) && (r.scope !== scope || r.loc.line > line) && runScripts(r).some((x) => goInvocations(x.text).length > 0)
  );
}
var go_binary_without_goroot_default = defineRule({
  id: "go-binary-without-goroot",
  category: "go-env",
  severity: "error",
  formats: ["dockerfile"],
  description: "Only the go binary is copied, without the Go tree it needs",
  tags: ["go", "goroot"],
  messages: {
    binaryOnly: `Copying only {{source}} to {{dest}} breaks GOROOT discovery: go fails with "go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set". Copy the whole {{root}} tree and put {{root}}/bin on PATH (or symlink the binary).`
  },
  check(model, ctx) {
    let finalEnv = null;
    for (const c of model.copies) {
      if (c.from === void 0) continue;
      const scope = model.scopes.find((s) => s.name === c.scope);
      if (!scope || scope.golang) continue;
      const src = fromStage(model, c.from);
      const img = golangImage(c.from);
      const sourceRoots = src ? goRootsAt(model, src.name, Infinity) : img.goroot ? [img.goroot] : [];
      for (const s of c.sources) {
        const root = binaryRoot(s.path, sourceRoots);
        if (root === null) continue;
        if (!/[\\/]go(\.exe)?$/.test(s.path.trim()) && !runsGoLater(model, scope.name, c.loc.line)) continue;
        const dest = copyDestination(c, scope.windows);
        if (dest === null) continue;
        const trees = goRootsAt(model, scope.name, Infinity);
        if (trees.some((t) => pathRelation(dest, joinGoPath(t, "bin", scope.windows), scope.windows) !== null)) continue;
        finalEnv ??= walkEnv(model);
        const goroot = finalEnv.get(scope.name)?.get("GOROOT");
        if (goroot && trees.some((t) => pathRelation(goroot, t, scope.windows) === "equal")) continue;
        ctx.report({ loc: s.loc, messageId: "binaryOnly", data: { source: s.path, dest, root } });
      }
    }
  }
});

// src/engine/report-helpers.ts
function valueOrName(a) {
  return a.valueLoc ?? a.nameLoc;
}
function locInValue(a, start, end, of) {
  const v = valueOrName(a);
  const value = a.value ?? "";
  if (of !== value) return v;
  const raw = a.raw;
  const quotedAsIs = raw !== void 0 && raw.length === value.length + 2 && raw.slice(1, -1) === value;
  const asIs = raw === void 0 || quotedAsIs;
  if (!a.valueLoc || !asIs || v.endLine !== v.line) return v;
  const shift = quotedAsIs && v.endColumn - v.column === raw.length ? 1 : 0;
  return { line: v.line, column: v.column + shift + start, endLine: v.line, endColumn: v.column + shift + end };
}
var KIND_LABEL = {
  env: "ENV",
  arg: "ARG",
  label: "LABEL",
  run: "RUN",
  "go-env-w": "go env -w",
  "build-arg": "build.args",
  environment: "environment",
  "env-file": "env file",
  runtime: "container env"
};
function secretReport(a, c, messageId, extra = {}) {
  const secrets = [a.value ?? "", c.secretText ?? "", a.raw ?? ""].filter((s) => s.length > 0);
  return {
    loc: valueOrName(a),
    messageId,
    data: {
      name: a.name,
      value: c.secretText ?? a.value ?? "",
      kind: KIND_LABEL[a.kind],
      tokenType: c.tokenType ?? "secret",
      word: c.nameWord ?? "secret",
      ...extra
    },
    secrets,
    plain: ["kind", "tokenType", "word"]
  };
}

// rules/go-cache-unusable.ts
var RELATIVE_ERROR = {
  GOCACHE: "build cache is required, but could not be located: GOCACHE is not an absolute path",
  GOMODCACHE: "GOMODCACHE entry is relative; must be absolute path",
  GOBIN: "cannot install, GOBIN must be an absolute path",
  GOTMPDIR: "GOTMPDIR must be an absolute path"
};
function userAt(model, scope, line) {
  return instructionsBefore(model, model.users, scope, line).pop() ?? null;
}
function unwritableHome(model, scope, user) {
  const name = user.split(":")[0].trim();
  if (name === "nobody" || name === "65534") return "/nonexistent";
  if (name === "0" || name === "root") return null;
  const chain = new Set(stageNames(model, scope));
  const scripts = model.runs.filter((r) => chain.has(r.scope)).flatMap((r) => runScripts(r).map((s) => s.text));
  if (!/^\d+$/.test(name)) {
    const useradd = scripts.map((t) => new RegExp(`\\buseradd\\b[^\\n;&|]*\\s${escapeRe(name)}(\\s|$|[;&|])`).exec(t)?.[0]).find((m) => m !== void 0);
    if (!useradd || /\s(-m|--create-home|-d|--home-dir|-\w*m\w*)\b/.test(useradd)) return null;
    if (scripts.some((t) => t.includes(`/home/${name}`))) return null;
    return `/home/${name}`;
  }
  const created = scripts.some((t) => new RegExp(`(useradd|adduser)[^\\n;&|]*\\s(-u|--uid)[=\\s]*${name}\\b`).test(t));
  return created ? null : "/";
}
var go_cache_unusable_default = defineRule({
  id: "go-cache-unusable",
  category: "go-env",
  severity: "error",
  description: "Go build cache, module cache or install directory go cannot use",
  tags: ["go", "cache"],
  messages: {
    off: 'GOCACHE=off is fatal since Go 1.12: every build fails with "build cache is disabled by GOCACHE=off, but required as of Go 1.12". Point GOCACHE at a writable directory (or a cache mount) instead.',
    relative: '{{name}}={{value}} is not an absolute path; go fails with "{{error}}". Use an absolute directory.',
    homeless: 'USER {{user}} gets HOME={{home}}, so the default build cache {{home}}/.cache/go-build cannot be created and `go {{sub}}` (line {{line}}) fails with "failed to initialize build cache at {{cacheDir}}: mkdir \u2026: permission denied". Set ENV GOCACHE=/tmp/go-cache (or HOME) or create the user with a home directory.'
  },
  check(model, ctx) {
    walkEnv(model, (v) => {
      const { a, scope } = v;
      if (!setsGoEnv(a) || !(a.name in RELATIVE_ERROR)) return;
      const value = knownValue(v);
      if (value === null || value === "") return;
      if (a.name === "GOCACHE" && value === "off") {
        ctx.report({ loc: valueOrName(a), messageId: "off" });
        return;
      }
      if (value.startsWith("~") && (a.kind === "run" && !(a.raw !== void 0 && /["'\\]/.test(a.raw)) || interpolationOnly(model, a))) return;
      if (isAbsGoPath(value, targetWindows(scope))) return;
      ctx.report({ loc: valueOrName(a), messageId: "relative", data: { name: a.name, value, error: RELATIVE_ERROR[a.name] } });
    });
    if (model.format !== "dockerfile") return;
    const reported = /* @__PURE__ */ new Set();
    for (const r of model.runs) {
      const scope = model.scopes.find((s) => s.name === r.scope);
      if (!scope?.golang || scope.windows) continue;
      const user = userAt(model, r.scope, r.loc.line);
      if (!user || reported.has(user)) continue;
      const home = unwritableHome(model, r.scope, user.user);
      if (home === null) continue;
      const env = envAt(model, r.scope, r.loc.line);
      if (["GOCACHE", "XDG_CACHE_HOME", "HOME"].some((n) => env.has(n))) continue;
      if (r.mounts.some((m) => /type=cache/.test(m) && /go-build|\.cache/.test(m))) continue;
      const go = runScripts(r).flatMap((s) => goInvocations(s.text)).find((g) => GO_BUILDING_SUBCOMMANDS.has(g.sub) && !g.command.assignments.some((w) => /^(GOCACHE|HOME|XDG_CACHE_HOME)=/.test(w.raw)));
      if (!go) continue;
      const text = runScripts(r).map((s) => s.text).join("\n");
      if (/\bexport\s+(GOCACHE|HOME|XDG_CACHE_HOME)=/.test(text)) continue;
      reported.add(user);
      const cacheDir = `${home === "/" ? "" : home}/.cache/go-build`;
      ctx.report({ loc: user.loc, messageId: "homeless", data: { user: user.user, home, sub: go.sub, line: r.loc.line, cacheDir }, severity: "warning" });
    }
  }
});

// src/go/cgo.ts
function validCgoValue(value) {
  return value === "0" || value === "1" || value === "";
}
function runtimeLibc(ref) {
  if (!ref) return null;
  const r = ref.trim().toLowerCase();
  if (r === "scratch") return "none";
  const { repo, tag } = splitImageRef(r);
  if (/(^|\/)distroless\/static(-[a-z0-9]+)?$/.test(repo)) return "none";
  if (/(^|\/)chainguard\/static$/.test(repo) || repo === "cgr.dev/chainguard/static") return "none";
  if (repo === "alpine" || repo.endsWith("/library/alpine") || repo === "library/alpine") return "musl";
  if ((repo === "busybox" || repo.endsWith("/busybox")) && tag !== null && /musl/.test(tag)) return "musl";
  return null;
}
function golangImageLibc(ref) {
  const info = golangImage(ref);
  if (!info.golang || info.windows) return null;
  const { tag } = splitImageRef(ref);
  return tag !== null && /alpine/.test(tag) ? "musl" : "glibc";
}

// src/facts/go-settings.ts
var COMPOSE_KINDS = /* @__PURE__ */ new Set(["environment", "env-file", "build-arg"]);
var KINDS = /* @__PURE__ */ new Set(["env", "arg", "run", "go-env-w", ...COMPOSE_KINDS]);
function goSettings(model, names) {
  const wanted = new Set(names);
  const out = [];
  walkEnv(model, ({ a, scope, env, expanded }) => {
    if (!wanted.has(a.name) || !KINDS.has(a.kind) || a.value === null) return;
    if (a.kind === "arg" && model.format === "dockerfile" && a.scope === void 0) return;
    let value = expanded;
    if (COMPOSE_KINDS.has(a.kind)) {
      const scan = scanComposeValue(a.value);
      value = scan.refs.length > 0 || scan.error ? null : scan.literal;
    }
    if ((a.kind === "run" || a.kind === "go-env-w") && /\$\(|`/.test(a.raw ?? a.value)) value = null;
    if (value === null) return;
    out.push({ a, scope, value, version: scope?.golang ? goVersionOfImage(scope.resolvedImage) : null, env });
  });
  return out;
}

// rules/go-cgo-libc-mismatch.ts
var DATA_SOURCE = /^\/(etc|usr\/share|usr\/local\/go\/lib)\/|\.(crt|pem|json|ya?ml|toml|conf|cfg|ini|txt|md|html?|css|js|sql|sh)$|zoneinfo/;
function workdirAt(model, scope, line) {
  const w = instructionsBefore(model, model.workdirs, scope, line).pop();
  if (w) return w.absolute;
  const chain = stageChain(model, scope);
  const root = chain[chain.length - 1];
  if (root?.golang && !root.windows) return GOLANG_IMAGE.linux.gopath;
  return root?.resolvedImage === "scratch" ? "/" : void 0;
}
function cgoAssignment(model, c) {
  const chain = stageNames(model, c.run.scope);
  const inRun = model.assignments.filter(
    (a) => a.name === "CGO_ENABLED" && a.kind === "run" && a.scope === c.run.scope && a.nameLoc.line >= c.run.loc.line && a.nameLoc.line <= c.run.loc.endLine && (a.nameLoc.line < c.loc.line || a.nameLoc.line === c.loc.line && a.nameLoc.column < c.loc.column)
  );
  if (inRun.length && c.vars.has("CGO_ENABLED")) return inRun[inRun.length - 1];
  return model.assignments.filter((a) => a.name === "CGO_ENABLED" && (a.kind === "env" || a.kind === "arg" || a.kind === "go-env-w") && a.scope !== void 0 && chain.includes(a.scope) && (a.scope !== c.run.scope || a.nameLoc.line < c.run.loc.line)).pop();
}
function isStatic(c, goflags) {
  if (/-static\b|\bnetgo\b|xx-go\s+--wrap/.test(c.script)) return true;
  const tags = flagValues(c.args, "tags").join(",");
  if (/\bnetgo\b/.test(tags) || /-tags[= ]\S*netgo/.test(goflags)) return true;
  return flagValues(c.args, "ldflags").some((v) => /static/.test(v)) || /-ldflags=\S*static/.test(goflags);
}
function cgoBuild(model, c, env) {
  const chain = stageChain(model, c.run.scope);
  const root = chain[chain.length - 1];
  if (!root || root.windows) return null;
  const line = c.run.loc.line;
  const get = (name) => c.vars.has(name) ? c.vars.get(name) : env.at(c.run.scope, line, name);
  const goflags = get("GOFLAGS") ?? "";
  if (isStatic(c, goflags)) return null;
  const cgo = get("CGO_ENABLED");
  if (cgo === null) return null;
  const ref = root.resolvedImage;
  if (cgo === "1") {
    const libc2 = golangImageLibc(ref) ?? (runtimeLibc(ref) === "musl" ? "musl" : "glibc");
    const a = cgoAssignment(model, c);
    return { libc: libc2, loc: a ? valueOrName(a) : c.loc, why: "CGO_ENABLED=1" };
  }
  if (cgo !== void 0 && validCgoValue(cgo)) return null;
  const libc = golangImageLibc(ref);
  if (libc === null) return null;
  if (libc === "musl") {
    if (olderThanGo(goVersionOfImage(ref), 20)) return null;
    const installsCc = model.runs.some((r) => chain.some((s) => s.name === r.scope) && /\bapk\b[^\n]*\badd\b[^\n]*\b(gcc|build-base|clang)\b/.test(joinSegments(r.segments)));
    if (!installsCc) return null;
  }
  const goos = get("GOOS");
  const goarch = get("GOARCH");
  if (goos === null || goarch === null) return null;
  if (goos !== void 0 && goos !== "linux") return null;
  const platform = chain.map((s) => s.platform).find((p) => p !== void 0);
  const host = platform === void 0 ? "amd64" : /^linux\/([a-z0-9]+)/.exec(platform)?.[1];
  if (goarch !== void 0 && goarch !== host) return null;
  const why = cgo === void 0 ? `CGO_ENABLED is unset and ${libc === "musl" ? "this stage installs a C compiler" : "the golang image ships gcc"}, so cgo is on` : `CGO_ENABLED=${cgo} is ignored (only 0 and 1 count), so cgo is on`;
  return { libc, loc: c.loc, why };
}
function copiesOutput(model, copy, c, env) {
  const line = c.run.loc.line;
  const wd = workdirAt(model, c.run.scope, line);
  let out = null;
  if (c.sub === "build") {
    const o = flagValues(c.args, "o").pop();
    if (o === void 0) out = wd ? { path: wd, dir: true } : null;
    else if (!o.includes("$")) {
      const abs = o.startsWith("/") ? o : wd ? `${wd}/${o}` : null;
      out = abs ? { path: normalize(abs), dir: o.endsWith("/") } : null;
    }
  } else {
    const gobin = c.vars.get("GOBIN") ?? env.at(c.run.scope, line, "GOBIN");
    const gopath = env.at(c.run.scope, line, "GOPATH") ?? (stageChain(model, c.run.scope).some((s) => s.golang) ? GOLANG_IMAGE.linux.gopath : void 0);
    const dir = gobin ?? (gopath ? `${gopath.split(":")[0]}/bin` : null);
    const pkgs = c.args.map((w) => w.value).filter((v) => !v.startsWith("-"));
    const name = pkgs.length === 1 && /^[a-z0-9.-]+\.[a-z]+\//i.test(pkgs[0]) ? binaryName(pkgs[0]) : null;
    out = dir && !dir.includes("$") ? name ? { path: normalize(`${dir}/${name}`), dir: false } : { path: normalize(dir), dir: true } : null;
  }
  return copy.sources.some((s) => {
    const src = normalize(s.path.startsWith("/") ? s.path : `/${s.path}`);
    if (DATA_SOURCE.test(src)) return false;
    if (!out || src.includes("$")) return true;
    if (/[*?[]/.test(src)) return globToRe(src).test(out.path) || out.dir;
    return src === out.path || src === "/" || out.path.startsWith(src + "/") || out.dir && src.startsWith(out.path + "/");
  });
}
function binaryName(pkg) {
  const elems = pkg.replace(/@.*$/, "").split("/");
  let last = elems.pop() ?? "";
  if (/^v\d+$/.test(last) && elems.length) last = elems.pop();
  return last;
}
function normalize(p) {
  return cleanGoPath(`/${p}`, false);
}
function globToRe(glob) {
  return new RegExp("^" + glob.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]") + "$");
}
function hasGlibcShim(model, scope) {
  const chain = stageNames(model, scope);
  return model.runs.some((r) => chain.includes(r.scope) && /\b(gcompat|libc6-compat)\b|ld-linux/.test(joinSegments(r.segments)));
}
var go_cgo_libc_mismatch_default = defineRule({
  id: "go-cgo-libc-mismatch",
  category: "go-env",
  severity: "error",
  description: "cgo-enabled Go binary is copied into an image without its C library",
  tags: ["go", "cgo", "runtime"],
  messages: {
    noLibc: "{{why}}: this go {{sub}} links the binary dynamically against {{libc}}, but {{final}} (COPY on line {{copyLine}}) has no C library, so starting it fails with 'exec \u2026: no such file or directory'. Build with CGO_ENABLED=0 (or -tags netgo,osusergo / -ldflags '-extldflags -static').",
    musl: "{{why}}: this go {{sub}} links the binary dynamically against glibc, but {{final}} (COPY on line {{copyLine}}) has musl, so starting it fails with 'exec \u2026: no such file or directory'. Build with CGO_ENABLED=0, or build on a golang:*-alpine image.",
    badValue: "CGO_ENABLED={{value}} is ignored: the go command only recognises 0 and 1 (go env CGO_ENABLED still prints the default). Use 0 or 1."
  },
  check(model, ctx) {
    for (const { a, value } of goSettings(model, ["CGO_ENABLED"])) {
      if (!validCgoValue(value)) ctx.report({ loc: valueOrName(a), messageId: "badValue", data: { value }, severity: "warning" });
    }
    if (model.format !== "dockerfile") return;
    const builds = goCommands(model).filter((c) => (c.sub === "build" || c.sub === "install") && c.tool !== "xx-go");
    if (builds.length === 0) return;
    const env = stageEnv(model);
    const done = /* @__PURE__ */ new Set();
    for (const copy of model.copies) {
      if (copy.from === void 0) continue;
      const final = model.scopes.find((s) => s.name === copy.scope);
      const finalLibc = final ? runtimeLibc(final.resolvedImage) : null;
      if (!final || finalLibc !== "none" && finalLibc !== "musl") continue;
      if (finalLibc === "none" && (isIntermediateStage(model, final.name) || final.resolvedImage === "scratch" && final !== model.scopes[model.scopes.length - 1])) continue;
      if (finalLibc === "musl" && hasGlibcShim(model, final.name)) continue;
      const builder = fromStage(model, copy.from);
      if (!builder) continue;
      const chain = stageNames(model, builder.name);
      for (const c of builds) {
        if (done.has(c) || !chain.includes(c.run.scope)) continue;
        const b = cgoBuild(model, c, env);
        if (!b || finalLibc === "musl" && b.libc === "musl" || !copiesOutput(model, copy, c, env)) continue;
        done.add(c);
        const data = { why: b.why, sub: c.sub, libc: b.libc, final: final.resolvedImage ?? final.image ?? final.name, copyLine: copy.loc.line };
        ctx.report({ loc: b.loc, messageId: finalLibc === "none" ? "noLibc" : "musl", data, severity: finalLibc === "none" ? "error" : "warning" });
      }
    }
  }
});

// rules/go-env-in-run.ts
var INERT = /* @__PURE__ */ new Set([
  "echo",
  "printf",
  "true",
  ":",
  "set",
  "unset",
  "export",
  "readonly",
  "declare",
  "typeset",
  "local",
  "mkdir",
  "chmod",
  "chown",
  "ls",
  "cat",
  "rm",
  "cp",
  "mv",
  "ln",
  "touch",
  "cd",
  "pwd",
  "which",
  "env",
  "printenv"
]);
function isGoName(a) {
  if (/^C?GO/.test(a.name)) return true;
  return a.name === "PATH" && /go\/bin|\$\{?GO(PATH|ROOT|BIN)\b/.test(a.value ?? "");
}
function knownBase(model, scope) {
  const chain = stageChain(model, scope);
  const root = chain[chain.length - 1];
  return !!root && (root.golang || isPlainOsImage(root.resolvedImage));
}
function locate(model, a) {
  const runs = model.runs.filter((r) => r.scope === (a.scope ?? "") && r.loc.line <= a.nameLoc.line && a.nameLoc.line <= r.loc.endLine);
  for (const r of runs) {
    for (const { segments: segments2, sep, text } of runScripts(r)) {
      const off = offsetIn(segments2, sep, a.nameLoc.line, a.nameLoc.column);
      if (off !== null) return { text, offset: off };
    }
  }
  return null;
}
function offsetIn(segments2, sep, line, column) {
  let offset = 0;
  for (const s of segments2) {
    if (s.line === line && column >= s.column && column <= s.column + s.text.length) return offset + column - s.column;
    offset += s.text.length + sep.length;
  }
  return null;
}
var go_env_in_run_default = defineRule({
  id: "go-env-in-run",
  category: "go-env",
  severity: "warning",
  formats: ["dockerfile"],
  description: "Go variable set in a RUN shell, where it does not persist",
  tags: ["go", "env"],
  messages: {
    dies: "{{name}} set in this RUN only lives until the RUN ends, and nothing after it in this RUN uses it; later instructions do not see it. Use ENV {{name}}=\u2026 (or put it in front of the go command: {{name}}=\u2026 go build).",
    notExported: "{{name}}=\u2026 here is a plain shell variable (not exported), so the go command later in this RUN does not see it. Write `export {{name}}=\u2026` or put it in front of the command ({{name}}=\u2026 go \u2026), or use ENV."
  },
  check(model, ctx) {
    walkEnv(model, ({ a, env }) => {
      if (a.kind !== "run" || a.runForm !== "export" && a.runForm !== "bare" || !isGoName(a)) return;
      const where = locate(model, a);
      if (!where) return;
      const commands = simpleCommands(where.text);
      const after = commands.filter((c) => c.start > where.offset);
      const consumers = after.filter((c) => c.head && !INERT.has(c.head.value));
      if (consumers.length === 0) {
        ctx.report({ loc: a.nameLoc, messageId: "dies", data: { name: a.name } });
        return;
      }
      if (a.runForm !== "bare" || env.has(a.name) || !knownBase(model, a.scope)) return;
      const exportedLater = after.some((c) => c.head && ["export", "declare", "typeset"].includes(c.head.value) && c.args.some((w) => w.value === a.name || w.value.startsWith(`${a.name}=`)));
      const allExport = /\bset\s+-[a-z]*a/.test(where.text);
      const rest = where.text.slice(where.offset);
      if (exportedLater || allExport || goInvocations(rest).length === 0) return;
      ctx.report({ loc: a.nameLoc, messageId: "notExported", data: { name: a.name } });
    });
  }
});

// rules/go-env-self-reference.ts
function references(text) {
  const out = [];
  const re = /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}?|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] ?? m[2];
    if (name) out.push({ name, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
function locIn(a, start, end) {
  const v = a.valueLoc;
  if (v.line !== v.endLine) return v;
  const quoted = a.raw !== void 0 && /^["']/.test(a.raw) ? 1 : 0;
  return { line: v.line, column: v.column + start - quoted, endLine: v.line, endColumn: v.column + end - quoted };
}
var go_env_self_reference_default = defineRule({
  id: "go-env-self-reference",
  category: "go-env",
  severity: "error",
  formats: ["dockerfile"],
  description: "One ENV sets a Go variable and references it, getting the old value",
  tags: ["go", "env"],
  messages: {
    stale: "${{name}} in {{key}} expands to the value from before this ENV ({{before}}), not to {{value}} set in the same instruction; split it into two ENV instructions.",
    sameValue: "${{name}} in {{key}} expands to the value from before this ENV, which happens to equal {{value}}; split it into two ENV instructions so it keeps working when the value changes."
  },
  check(model, ctx) {
    const groups = /* @__PURE__ */ new Map();
    for (const a of model.assignments) {
      if (a.kind !== "env" || a.viaOnbuild) continue;
      const list = groups.get(a.group);
      if (list) list.push(a);
      else groups.set(a.group, [a]);
    }
    const hits = [];
    for (const [g, list] of groups) {
      if (list.length < 2) continue;
      for (const b of list) {
        if (!b.valueLoc) continue;
        for (const r of references(b.raw ?? b.value ?? "")) {
          const setter = list.find((a) => a !== b && a.name === r.name);
          if (setter && isGoVar(r.name)) hits.push({ g, b, r, setter });
        }
      }
    }
    if (hits.length === 0) return;
    const wanted = new Set(hits.map((h) => h.g));
    const envBefore = /* @__PURE__ */ new Map();
    const expanded = /* @__PURE__ */ new Map();
    walkEnv(model, ({ a, env, expanded: x }) => {
      if (a.kind !== "env" || !wanted.has(a.group)) return;
      if (!envBefore.has(a.group)) envBefore.set(a.group, new Map(env));
      expanded.set(a, x);
    });
    for (const { g, b, r, setter } of hits) {
      const before2 = envBefore.get(g)?.get(r.name);
      const now = expanded.get(setter) ?? setter.value ?? "";
      const same = typeof before2 === "string" && before2 === now;
      ctx.report({
        loc: locIn(b, r.start, r.end),
        messageId: same ? "sameValue" : "stale",
        data: { name: r.name, key: b.name, value: now, before: before2 === void 0 ? "unset, so empty" : before2 === null ? "unknown here" : before2 || "empty" },
        ...same ? { severity: "info" } : {}
      });
    }
  }
});

// src/go/modules.ts
var GO111MODULE_VALUES = /* @__PURE__ */ new Set(["", "on", "off", "auto"]);
function go111moduleVerdict(value, version) {
  if (!GO111MODULE_VALUES.has(value)) return "invalid";
  if (value === "off") return "off";
  if ((value === "on" || value === "auto") && atLeastGo(version, 16)) return value === "on" ? "redundantOn" : "auto";
  return null;
}
function go111moduleError(value) {
  return `go: unknown environment setting GO111MODULE=${value}`;
}
var KNOWN_SUMDB = /* @__PURE__ */ new Set(["sum.golang.org", "sum.golang.google.cn"]);
function sumdbError(value) {
  if (value === "" || value === "off" || value === "sum.golang.google.cn") return null;
  const fields = value.trim().split(/\s+/).filter(Boolean);
  if (fields.length === 0) return null;
  if (fields.length > 2) return "invalid GOSUMDB: too many fields";
  const key = fields[0];
  if (KNOWN_SUMDB.has(key) && key !== "sum.golang.google.cn") return null;
  const m = /^([^+\s]+)\+([0-9A-Fa-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(key);
  if (!m) return "invalid GOSUMDB: malformed verifier id";
  return null;
}
var PUBLIC_MODULE_HOSTS = [
  "github.com",
  "gitlab.com",
  "bitbucket.org",
  "golang.org",
  "gopkg.in",
  "go.googlesource.com",
  "google.golang.org",
  "gitee.com",
  "go.uber.org",
  "k8s.io",
  "sigs.k8s.io",
  "go.etcd.io",
  "go.opentelemetry.io",
  "cloud.google.com",
  "honnef.co",
  "gotest.tools",
  "go.mongodb.org"
];
function splitList(value, sep = ",") {
  const out = [];
  let pos = 0;
  for (const part of value.split(sep)) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (text) out.push({ text, start: pos + lead, end: pos + lead + text.length });
    pos += part.length + sep.length;
  }
  return out;
}
function elementMatch(pattern, name) {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close < 0) return false;
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("^")) body = "^" + body.slice(1).replace(/\\/g, "\\\\");
      re += `[${body.replace(/\]/g, "\\]")}]`;
      i = close;
    } else if (c === "\\" && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else re += escapeRe(c);
  }
  try {
    return new RegExp(re + "$").test(name);
  } catch {
    return false;
  }
}
function broadPatternHost(pattern) {
  return broadPatternHosts(pattern)[0] ?? null;
}
function broadPatternHosts(pattern) {
  const elems = pattern.replace(/\/+$/, "").split("/");
  const first = elems[0] ?? "";
  if (!first) return [];
  if (elems.slice(1).some((e) => !/^\*+$/.test(e))) return [];
  return PUBLIC_MODULE_HOSTS.filter((h) => elementMatch(first, h));
}
function parseGoproxy(value) {
  const out = [];
  const re = /[^,|]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (!text) continue;
    const u = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/?#]*)/.exec(text);
    out.push({ text, start: m.index + lead, end: m.index + lead + text.length, scheme: u ? u[1].toLowerCase() : "", host: u ? u[2].toLowerCase() : "" });
  }
  return out;
}
function isLoopbackHost(hostPort) {
  const host = hostPort.startsWith("[") ? hostPort.slice(1, hostPort.indexOf("]")) : hostPort.replace(/:\d+$/, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
function isTrustedProxy(entry, trusted) {
  const url = entry.text.toLowerCase().replace(/\/+$/, "");
  return trusted.some((t) => {
    const x = t.toLowerCase().replace(/\/+$/, "");
    if (x.includes("://")) return url === x || url.startsWith(x + "/");
    return entry.host === x || entry.host.replace(/:\d+$/, "") === x;
  });
}

// rules/go-env-write.ts
var RISKY = /* @__PURE__ */ new Set(["GOROOT", "GOSUMDB", "GOFLAGS", "GOTOOLCHAIN", "GO111MODULE", "GONOSUMDB", "GOPRIVATE", "GOINSECURE"]);
function userName(u) {
  const name = u.split(":")[0].trim();
  return name === "0" ? "root" : name;
}
var go_env_write_default = defineRule({
  id: "go-env-write",
  category: "go-env",
  severity: "info",
  formats: ["dockerfile"],
  description: "go env -w in a Dockerfile persists per user and is overridden by ENV",
  tags: ["go", "env"],
  messages: {
    write: "go env -w {{name}} writes $HOME/.config/go/env for the build user only; ENV or `docker run -e {{name}}` silently override it and other users do not see it. Prefer ENV {{name}}=\u2026.",
    risky: "go env -w {{name}} hides a {{name}} setting in the build user's $HOME/.config/go/env, out of sight of ENV and `go env` readers of the Dockerfile, and only for that user. Use ENV {{name}}=\u2026 so it is visible and applies to every user.",
    overridden: 'go env -w {{name}} has no effect: ENV {{name}} is set in this stage and the OS environment wins (go prints "warning: go env -w {{name}}=... does not override conflicting OS environment variable"). Change the ENV instead.',
    overriddenByImage: 'go env -w {{name}} has no effect: the golang image sets {{name}}={{value}} in the environment, and the OS environment wins (go prints "warning: go env -w {{name}}=... does not override conflicting OS environment variable"). Write ENV {{name}}=\u2026 instead.',
    otherUser: "go env -w {{name}} writes the go/env file of the current user, but USER {{user}} (line {{line}}) runs later commands with another HOME, where this setting does not exist. Use ENV {{name}}=\u2026."
  },
  check(model, ctx) {
    walkEnv(model, ({ a, env, scope, expanded }) => {
      if (a.kind !== "go-env-w") return;
      const version = scope?.golang ? goVersionOfImage(scope.resolvedImage) : null;
      if (a.name === "GO111MODULE" && expanded !== null && go111moduleVerdict(expanded, version) !== null) return;
      const loc = valueOrName(a);
      const fromEnv = env.get(a.name);
      if (fromEnv !== void 0 && fromEnv !== "") {
        const chain = stageNames(model, a.scope);
        const byEnv = model.assignments.some((b) => b.kind === "env" && b.name === a.name && b.nameLoc.line < a.nameLoc.line && b.scope !== void 0 && chain.includes(b.scope));
        if (byEnv) ctx.report({ loc, messageId: "overridden", data: { name: a.name }, severity: "warning" });
        else ctx.report({ loc, messageId: "overriddenByImage", data: { name: a.name, value: fromEnv ?? "" }, severity: "warning" });
        return;
      }
      const laterEnv = model.assignments.some(
        (b) => b.kind === "env" && b.name === a.name && b.value !== "" && b.nameLoc.line > a.nameLoc.line && b.scope !== void 0 && stageChain(model, b.scope).some((s) => s.name === a.scope)
      );
      if (laterEnv) {
        ctx.report({ loc, messageId: "overridden", data: { name: a.name }, severity: "warning" });
        return;
      }
      const inChain = (scope2) => stageChain(model, scope2).some((s) => s.name === a.scope);
      const current = userName([...model.users].reverse().find((u) => u.loc.line < a.nameLoc.line && stageChain(model, a.scope).some((s) => s.name === u.scope))?.user ?? "root");
      const user = model.users.find((u) => u.loc.line > a.nameLoc.line && inChain(u.scope) && userName(u.user) !== current);
      if (user) {
        ctx.report({ loc, messageId: "otherUser", data: { name: a.name, user: user.user, line: user.loc.line }, severity: "warning" });
        return;
      }
      if (RISKY.has(a.name)) ctx.report({ loc, messageId: "risky", data: { name: a.name }, severity: "warning" });
      else ctx.report({ loc, messageId: "write", data: { name: a.name } });
    });
  }
});

// src/go/flags.ts
var TEST_BINARY_FLAGS = /* @__PURE__ */ new Set([
  "bench",
  "benchmem",
  "benchtime",
  "blockprofile",
  "blockprofilerate",
  "count",
  "coverprofile",
  "cpu",
  "cpuprofile",
  "failfast",
  "fullpath",
  "fuzz",
  "fuzzminimizetime",
  "fuzztime",
  "list",
  "memprofile",
  "memprofilerate",
  "mutexprofile",
  "mutexprofilefraction",
  "outputdir",
  "parallel",
  "run",
  "short",
  "shuffle",
  "skip",
  "timeout",
  "trace",
  "v",
  "artifacts"
  // newer than Go 1.25 (testflag.go on the development branch)
]);
var BUILD_FLAGS = /* @__PURE__ */ new Set([
  // work/build.go AddBuildFlags, with base/flag.go AddBuildFlagsNX (-n -x), AddChdirFlag (-C),
  // AddModFlag (-mod) and AddModCommonFlags (-modcacherw -modfile -overlay); -json since Go 1.24
  "C",
  "a",
  "n",
  "p",
  "v",
  "x",
  "asan",
  "asmflags",
  "buildmode",
  "buildvcs",
  "compiler",
  "gccgoflags",
  "gcflags",
  "installsuffix",
  "json",
  "ldflags",
  "linkshared",
  "mod",
  "modcacherw",
  "modfile",
  "msan",
  "overlay",
  "pgo",
  "pkgdir",
  "race",
  "tags",
  "toolexec",
  "trimpath",
  "work",
  "debug-actiongraph",
  "debug-runtime-trace",
  "debug-trace",
  // work/build.go AddCoverFlags; go build -o; go run/test -exec; go vet -vettool
  "cover",
  "covermode",
  "coverpkg",
  "coverprofile",
  "o",
  "exec",
  "vettool",
  // go test (test/testflag.go init): its own flags, then the test binary's in both spellings
  "c",
  "vet",
  ...TEST_BINARY_FLAGS,
  ...[...TEST_BINARY_FLAGS].map((f) => `test.${f}`)
]);
var GO_FLAGS = /* @__PURE__ */ new Set([
  ...BUILD_FLAGS,
  "i",
  "r",
  "cache",
  "fuzzcache",
  "modcache",
  "testcache",
  // go clean
  "changed",
  "u",
  "w",
  // go env
  "d",
  "f",
  "fix",
  "insecure",
  "m",
  "t",
  "tool",
  // go get (-fix also go fix)
  "compiled",
  "deps",
  "e",
  "export",
  "find",
  "retracted",
  "reuse",
  "test",
  "versions",
  // go list
  "go",
  "compat",
  "diff",
  "vendor",
  // go mod graph/tidy/why (-reuse: go mod download)
  // go mod edit / go work edit (-godebug since 1.23, -tool since 1.24; -ignore/-dropignore
  // since 1.25, seen in go1.25 'go help mod edit'-derived completions, not in stored sources)
  "fmt",
  "print",
  "module",
  "toolchain",
  "require",
  "droprequire",
  "exclude",
  "dropexclude",
  "replace",
  "dropreplace",
  "retract",
  "dropretract",
  "godebug",
  "dropgodebug",
  "droptool",
  "ignore",
  "dropignore",
  "use",
  "dropuse"
]);
var NESTED_FLAG_LISTS = /* @__PURE__ */ new Set(["ldflags", "gcflags", "asmflags", "gccgoflags"]);
var TEST_BINARY_BOOL_FLAGS = ["benchmem", "failfast", "fullpath", "short"];
var TEST_BINARY_VALUE_FLAGS = [
  "bench",
  "benchtime",
  "blockprofile",
  "blockprofilerate",
  "count",
  "coverprofile",
  "cpu",
  "cpuprofile",
  "fuzz",
  "fuzzminimizetime",
  "fuzztime",
  "list",
  "memprofile",
  "memprofilerate",
  "mutexprofile",
  "mutexprofilefraction",
  "outputdir",
  "parallel",
  "run",
  "shuffle",
  "skip",
  "timeout",
  "trace"
];
var BOOL_FLAGS = /* @__PURE__ */ new Set([
  "a",
  "n",
  "x",
  "asan",
  "msan",
  "race",
  "linkshared",
  "trimpath",
  "work",
  "modcacherw",
  "cover",
  "buildvcs",
  ...TEST_BINARY_BOOL_FLAGS,
  ...TEST_BINARY_BOOL_FLAGS.map((f) => `test.${f}`)
]);
var VALUE_FLAGS = /* @__PURE__ */ new Set([
  "C",
  "p",
  "mod",
  "modfile",
  "overlay",
  "tags",
  "asmflags",
  "gcflags",
  "gccgoflags",
  "ldflags",
  "buildmode",
  "compiler",
  "installsuffix",
  "pgo",
  "pkgdir",
  "toolexec",
  "o",
  "exec",
  "vettool",
  "covermode",
  "coverpkg",
  "vet",
  "debug-actiongraph",
  "debug-runtime-trace",
  "debug-trace",
  ...TEST_BINARY_VALUE_FLAGS,
  ...TEST_BINARY_VALUE_FLAGS.map((f) => `test.${f}`)
]);
var PARSE_BOOL = /* @__PURE__ */ new Set(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]);
function badBoolError(name, value) {
  if (!BOOL_FLAGS.has(name) || PARSE_BOOL.has(value)) return null;
  if (name === "buildvcs") {
    if (value === "" || value === "auto") return null;
    return `go: invalid boolean value "${value}" for flag -buildvcs (from $GOFLAGS): value is neither 'auto' nor a valid bool`;
  }
  return `go: invalid boolean value "${value}" for flag -${name} (from $GOFLAGS): parse error`;
}
function needsValueError(name) {
  return `go: flag needs an argument: -${name} (from $GOFLAGS)`;
}
function chdirFlagError(value) {
  if (value === null) return needsValueError("C");
  return `go: invalid value "${value}" for flag -C (from $GOFLAGS): -C flag must be first flag on command line`;
}
function splitGoflags(value) {
  const out = [];
  const re = /\S+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const text = m[0];
    let name = "";
    let v = null;
    if (isFlagWord(text)) {
      const body = text.replace(/^--?/, "");
      const eq = body.indexOf("=");
      name = eq < 0 ? body : body.slice(0, eq);
      v = eq < 0 ? null : body.slice(eq + 1);
    }
    out.push({ text, start: m.index, end: m.index + text.length, name, value: v });
  }
  return out;
}
function isFlagWord(w) {
  return w.startsWith("-") && w !== "-" && w !== "--" && !w.startsWith("---") && !w.startsWith("-=") && !w.startsWith("--=");
}
function nonFlagError(word) {
  return `go: parsing $GOFLAGS: non-flag "${word}"`;
}
function unknownFlagError(name) {
  return `go: parsing $GOFLAGS: unknown flag -${name}`;
}
var INSECURE_FLAG_ERROR = "go: -insecure flag is no longer supported; use GOINSECURE instead";
function isKnownGoFlag(name) {
  return GO_FLAGS.has(name);
}

// rules/go-flags-misuse.ts
var go_flags_misuse_default = defineRule({
  id: "go-flags-misuse",
  category: "go-env",
  severity: "error",
  description: "GOFLAGS is malformed or lets builds rewrite go.mod",
  tags: ["go", "modules"],
  messages: {
    modModFlag: "`go {{sub}} -mod=mod` lets this build rewrite go.mod/go.sum and resolve missing requirements to whatever version is newest at build time, as GOFLAGS=-mod=mod would. Drop the flag (the default is readonly) or use -mod=vendor, and run go mod tidy in the repository.",
    modMod: "GOFLAGS -mod=mod lets every build rewrite go.mod/go.sum and resolve missing requirements to whatever version is newest at build time. Keep the default (readonly) or -mod=vendor, and run go mod tidy in the repository.",
    nonFlag: `GOFLAGS word "{{word}}" is not a flag: every go command but go env and go bug fails with '{{goError}}'. GOFLAGS is a space-separated list of -flag=value words; values cannot contain spaces.`,
    unknownFlag: "GOFLAGS contains {{word}}, which no go command knows: every go command but go env and go bug fails with '{{goError}}'.",
    split: 'GOFLAGS is split on spaces, so "{{word}}" is not part of {{flag}}: it becomes a separate flag that go build ignores or rejects. Pass multi-word {{flag}} on the go command line (or join tool flags with commas where the tool allows it).',
    quotes: 'GOFLAGS does not interpret quotes: "{{word}}" keeps its quote characters and the value is split at the space anyway. Pass flags whose values contain spaces on the go command line.',
    chdirFlag: "GOFLAGS sets -C, which only works as the first flag on the go command line: every go command that has -C (go build, go test, go mod \u2026, even go env) fails with '{{goError}}'. Set the directory with WORKDIR or cd, or run go -C dir build.",
    needsValue: `GOFLAGS word "{{word}}" has no value: every go command that has {{flag}} fails with '{{goError}}'. Write {{flag}}=value as one word.`,
    badBool: `GOFLAGS sets the boolean flag {{flag}} to "{{value}}": every go command that has {{flag}} fails with '{{goError}}'. Write {{flag}} alone or {{flag}}={{allowed}}.`,
    repeated: 'GOFLAGS sets {{flag}} twice; only the last one applies, so "{{lost}}" is dropped. Put multi-word {{flag}} on the go command line.'
  },
  check(model, ctx) {
    for (const c of goCommands(model)) {
      if (!GO_BUILDING_SUBCOMMANDS.has(c.sub)) continue;
      for (let i = 0; i < c.args.length; i++) {
        const w = c.args[i].value;
        if (w === "--" || !w.startsWith("-")) break;
        if (/^--?mod=mod$/.test(w)) {
          const loc = c.locate(c.args[i]);
          if (loc) ctx.report({ loc, messageId: "modModFlag", data: { sub: c.sub }, severity: "warning", plain: ["sub"] });
        } else if (!w.includes("=") && VALUE_FLAGS.has(w.replace(/^--?/, ""))) i++;
      }
    }
    for (const { a, value } of goSettings(model, ["GOFLAGS"])) {
      const words = splitGoflags(value);
      let nested = null;
      const seen = /* @__PURE__ */ new Map();
      let quoted = false;
      for (const [i, w] of words.entries()) {
        const loc = locInValue(a, w.start, w.end, value);
        if (/["']/.test(w.text)) {
          if (!quoted) ctx.report({ loc, messageId: "quotes", data: { word: w.text } });
          quoted = true;
          continue;
        }
        if (w.name === "" || nested !== null && !BUILD_FLAGS.has(w.name)) {
          if (nested !== null) ctx.report({ loc, messageId: "split", data: { word: w.text, flag: `-${nested}` } });
          else ctx.report({ loc, messageId: "nonFlag", data: { word: w.text, goError: nonFlagError(w.text) } });
          continue;
        }
        nested = null;
        if (w.name === "insecure") continue;
        if (!isKnownGoFlag(w.name)) {
          ctx.report({ loc, messageId: "unknownFlag", data: { word: w.text, goError: unknownFlagError(w.name) } });
          continue;
        }
        const flag = `-${w.name}`;
        if (w.name === "C") ctx.report({ loc, messageId: "chdirFlag", data: { goError: chdirFlagError(w.value) } });
        else if (w.value === null && VALUE_FLAGS.has(w.name) && words[i + 1]?.name !== "") {
          ctx.report({ loc, messageId: "needsValue", data: { word: w.text, flag, goError: needsValueError(w.name) } });
        } else if (w.value !== null) {
          const goError = badBoolError(w.name, w.value);
          if (goError !== null) ctx.report({ loc, messageId: "badBool", data: { flag, value: w.value, goError, allowed: w.name === "buildvcs" ? "true, false or auto" : "true or false" }, plain: ["allowed"] });
        }
        if (w.name === "mod" && w.value === "mod") ctx.report({ loc, messageId: "modMod", severity: "warning" });
        if (NESTED_FLAG_LISTS.has(w.name)) {
          nested = w.name;
          const v = w.value ?? "";
          const pattern = !v.startsWith("-") && v.includes("=") ? v.slice(0, v.indexOf("=")) : "";
          const key = `${w.name}\0${pattern}`;
          const before2 = seen.get(key);
          if (before2 !== void 0) ctx.report({ loc, messageId: "repeated", data: { flag: `-${w.name}`, lost: before2 }, severity: "warning" });
          seen.set(key, v);
        }
      }
    }
  }
});

// rules/go-gopath-goroot-overlap.ts
function outsideOf(goroot, windows) {
  const candidates = windows ? [GOLANG_IMAGE.windows.gopath, "C:\\gopath"] : [GOLANG_IMAGE.linux.gopath, "/root/go", "/opt/gopath"];
  return candidates.find((c) => pathRelation(c, goroot, windows) === null && pathRelation(goroot, c, windows) === null) ?? candidates[candidates.length - 1];
}
var go_gopath_goroot_overlap_default = defineRule({
  id: "go-gopath-goroot-overlap",
  category: "go-env",
  severity: "warning",
  description: "GOPATH is the Go installation directory or lies inside it",
  tags: ["go", "gopath", "goroot"],
  messages: {
    equal: 'GOPATH {{entry}} is GOROOT: go prints "warning: GOPATH set to GOROOT ({{entry}}) has no effect", and the module cache and go install output land in {{goroot}}/pkg/mod and {{goroot}}/bin, inside the toolchain. Use a separate directory such as {{suggestion}}.',
    inside: "GOPATH {{entry}} lies inside GOROOT ({{goroot}}): downloaded modules and installed tools are mixed into the Go distribution and lost when it is replaced. Use a directory outside it such as {{suggestion}}.",
    gorootIsGopath: 'GOROOT {{goroot}} is the GOPATH set earlier: go prints "warning: GOPATH set to GOROOT ({{goroot}}) has no effect" and looks for its standard library in the module workspace. Point GOROOT at the Go installation (`go env GOROOT` prints it), or leave it unset.'
  },
  check(model, ctx) {
    walkEnv(model, (v) => {
      const { a, scope, env } = v;
      if (!setsGoEnv(a)) return;
      if (a.name === "GOROOT" && !scope?.golang) {
        const gopath = env.get("GOPATH");
        const value2 = knownValue(v);
        if (typeof gopath === "string" && gopath && value2 && pathRelation(gopath, value2, targetWindows(scope)) === "equal")
          ctx.report({ loc: valueOrName(a), messageId: "gorootIsGopath", data: { goroot: cleanGoPath(value2, targetWindows(scope)) } });
        return;
      }
      if (a.name !== "GOPATH") return;
      const value = knownValue(v);
      if (value === null || value === "") return;
      const envRoot = env.get("GOROOT");
      const sameGroup = model.assignments.find((b) => b.group === a.group && b.name === "GOROOT" && b.kind === a.kind && b.scope === a.scope);
      const goroot = (sameGroup?.value && !sameGroup.value.includes("$") ? sameGroup.value : null) ?? (typeof envRoot === "string" && envRoot ? envRoot : null) ?? scope?.goroot ?? null;
      if (!goroot) return;
      const windows = targetWindows(scope);
      for (const entry of splitGoPathList(value, windows)) {
        if (!entry || !isAbsGoPath(entry, windows)) continue;
        const rel = pathRelation(entry, goroot, windows);
        if (rel === null) continue;
        ctx.report({ loc: valueOrName(a), messageId: rel, data: { entry, goroot: cleanGoPath(goroot, windows), suggestion: outsideOf(goroot, windows) } });
      }
    });
  }
});

// rules/go-gopath-invalid.ts
function valueWithUnsetGopath(model, v) {
  const { a, scope, env } = v;
  if (a.value === null || !scope || model.format !== "dockerfile" || env.has("GOPATH")) return null;
  if (!referencedNames(a.value).includes("GOPATH")) return null;
  const chain = stageChain(model, scope.name);
  if (!isPlainOsImage(chain[chain.length - 1]?.resolvedImage ?? null)) return null;
  const names = new Set(chain.map((s) => s.name));
  const setBefore = model.assignments.some(
    (b) => b !== a && b.name === "GOPATH" && b.scope !== void 0 && names.has(b.scope) && (b.kind === "arg" || b.group === a.group) && b.nameLoc.line <= a.nameLoc.line && (b.nameLoc.line < a.nameLoc.line || b.nameLoc.column < a.nameLoc.column)
  );
  if (setBefore) return null;
  const vars = new Map(env);
  vars.set("GOPATH", "");
  const x = expand(a.value, vars);
  return x === null || /[$`]/.test(x) ? null : x;
}
function shellExpandsTilde(a) {
  return a.kind === "run" && !(a.raw !== void 0 && /["'\\]/.test(a.raw));
}
var go_gopath_invalid_default = defineRule({
  id: "go-gopath-invalid",
  category: "go-env",
  severity: "error",
  description: "GOPATH entry that is relative, starts with ~, or is empty in first place",
  tags: ["go", "gopath"],
  messages: {
    relative: 'GOPATH entry "{{entry}}" is relative; every go command exits with "go: GOPATH entry is relative; must be absolute path: "{{entry}}"." Use an absolute path such as /go.',
    tilde: `GOPATH entry "{{entry}}" starts with ~, which nothing expands here; go exits with "go: GOPATH entry cannot start with shell metacharacter '~': "{{entry}}"". Write the absolute path.`,
    emptyFirst: 'The first GOPATH entry is empty ({{value}}): go takes the module cache and the go install directory from the first entry, so downloads fail with "module cache not found: neither GOMODCACHE nor GOPATH is set". Set GOPATH to an absolute path first.'
  },
  check(model, ctx) {
    walkEnv(model, (v) => {
      const { a, scope } = v;
      if (a.name !== "GOPATH" || !setsGoEnv(a)) return;
      const value = knownValue(v) ?? valueWithUnsetGopath(model, v);
      if (value === null || value === "") return;
      const windows = targetWindows(scope);
      const entries = splitGoPathList(value, windows);
      const loc = valueOrName(a);
      const reports = [];
      if (entries.length > 1 && entries[0] === "") reports.push({ loc, messageId: "emptyFirst", data: { value: JSON.stringify(value) } });
      for (const entry of entries) {
        if (entry === "") continue;
        if (entry.startsWith("~")) {
          if (shellExpandsTilde(a) || interpolationOnly(model, a)) continue;
          reports.push({ loc, messageId: "tilde", data: { entry } });
          break;
        } else if (!isAbsGoPath(entry, windows)) {
          reports.push({ loc, messageId: "relative", data: { entry } });
          break;
        }
      }
      for (const r of reports) ctx.report(r);
    });
  }
});

// rules/go-goroot-override.ts
function installsThere(model, scope, value) {
  const chain = new Set(stageNames(model, scope.name));
  const clean = cleanGoPath(value, scope.windows);
  const parent = clean.replace(/[\\/][^\\/]*$/, "") || "/";
  for (const c of model.copies) {
    if (!chain.has(c.scope)) continue;
    const d = copyDestination(c, scope.windows);
    if (d === null || d === "/" || /^[a-z]:\\$/i.test(d)) continue;
    if (pathRelation(d, clean, scope.windows) !== null) return true;
    if (c.from !== void 0 && pathRelation(clean, d, scope.windows) === "inside") return true;
  }
  for (const r of model.runs) {
    if (!chain.has(r.scope)) continue;
    const text = runScripts(r).map((x) => x.text).join("\n").replace(/\bGOROOT=\S*/g, "");
    if (text.includes(clean) || /\$\{?GOROOT\b/.test(text) || new RegExp(`-C\\s*${escapeRe(parent)}/?(\\s|$)`).test(text)) return true;
  }
  return false;
}
var go_goroot_override_default = defineRule({
  id: "go-goroot-override",
  category: "go-env",
  severity: "error",
  description: "GOROOT set by hand, to a directory other than where Go is installed or redundantly",
  tags: ["go", "goroot"],
  messages: {
    mismatch: 'GOROOT={{value}} but the Go of this {{where}} is installed at {{actual}}; go fails with "go: cannot find GOROOT directory: {{value}}" (or "compile: version \u2026 does not match go tool version"). Remove it: go finds its root from the location of the go binary.',
    redundant: 'GOROOT={{value}} repeats where Go is already installed; go derives it from the binary, and pinning it makes any other go put first on PATH fail with "compile: version \u2026 does not match go tool version". Remove it (use `go env GOROOT` where a tool needs the path).'
  },
  check(model, ctx) {
    walkEnv(model, (v) => {
      const { a, scope } = v;
      if (a.name !== "GOROOT" || !setsGoEnv(a) || !scope) return;
      const value = knownValue(v);
      if (value === null || value === "") return;
      const dockerfile = model.format === "dockerfile";
      const copied = scope.goroot ? [scope.goroot] : dockerfile ? goRootsAt(model, scope.name, a.nameLoc.line) : [];
      const distro = copied.length === 0 && dockerfile ? distroGoRootsAt(model, scope.name, a.nameLoc.line) : [];
      const roots = copied.length > 0 ? copied : distro;
      if (roots.length === 0) return;
      const where = distro.length > 0 ? "stage (from distribution packages)" : dockerfile ? "stage" : "service";
      if (roots.some((r) => pathRelation(value, r, scope.windows) === "equal")) {
        ctx.report({ loc: valueOrName(a), messageId: "redundant", data: { value }, severity: "info" });
        return;
      }
      if (dockerfile && installsThere(model, scope, value)) return;
      ctx.report({ loc: valueOrName(a), messageId: "mismatch", data: { value, actual: roots[0], where } });
    });
  }
});

// rules/go-hardcoded-target.ts
var TARGET_REF = /\$\{?TARGET(ARCH|PLATFORM|VARIANT)\b/;
function onBuildPlatform(model, scope) {
  if (scope === void 0) return false;
  return stageChain(model, scope).some((s) => s.platform !== void 0 && /\$\{?BUILDPLATFORM\b/.test(s.platform));
}
function shippedToTarget(model, scope) {
  const fromHere = (ref) => {
    const s = fromStage(model, ref);
    return s !== void 0 && stageChain(model, s.name).some((x) => x.name === scope);
  };
  return model.copies.some(
    (c) => c.from !== void 0 && fromHere(c.from) && !onBuildPlatform(model, c.scope) && !isIntermediateStage(model, c.scope)
  );
}
var go_hardcoded_target_default = defineRule({
  id: "go-hardcoded-target",
  category: "go-env",
  severity: "warning",
  description: "Go target architecture is hard-coded or missing in a --platform=$BUILDPLATFORM stage",
  formats: ["dockerfile"],
  tags: ["go", "buildkit", "cross-compilation"],
  messages: {
    literal: "GOARCH={{value}} is hard-coded in a stage that runs on the build platform: every platform of a multi-platform build gets {{a value}} binary (exec format error elsewhere). Declare ARG TARGETARCH and set GOARCH=$TARGETARCH.",
    missing: "This go build runs on the build platform (FROM --platform=$BUILDPLATFORM) without GOARCH, so it builds for the build machine, not the target platform. Declare ARG TARGETOS TARGETARCH and set GOOS=$TARGETOS GOARCH=$TARGETARCH."
  },
  check(model, ctx) {
    const settings = goSettings(model, ["GOARCH"]).filter((s) => onBuildPlatform(model, s.a.scope));
    const literals = new Set(settings.filter((s) => !/\$/.test(s.a.value ?? "")).map((s) => s.value));
    for (const { a, value } of settings) {
      if (value === "" || TARGET_REF.test(a.raw ?? a.value ?? "") || /\$/.test(a.value ?? "") || literals.size > 1) continue;
      ctx.report({ loc: valueOrName(a), messageId: "literal", data: { value } });
    }
    const env = stageEnv(model);
    for (const c of goCommands(model)) {
      if (c.sub !== "build" || c.tool === "xx-go" || !onBuildPlatform(model, c.run.scope)) continue;
      if (c.vars.has("GOARCH") || env.at(c.run.scope, c.run.loc.line, "GOARCH") !== void 0) continue;
      const chain = stageNames(model, c.run.scope);
      const mentions = model.runs.some((r) => chain.includes(r.scope) && TARGET_REF.test(joinSegments(r.segments))) || model.assignments.some((a) => a.scope !== void 0 && chain.includes(a.scope) && (/^TARGET(ARCH|PLATFORM)$/.test(a.name) || TARGET_REF.test(a.value ?? "")));
      if (mentions || !shippedToTarget(model, c.run.scope)) continue;
      ctx.report({ loc: c.loc, messageId: "missing" });
    }
  }
});

// rules/go-insecure-transport.ts
var go_insecure_transport_default = defineRule({
  id: "go-insecure-transport",
  category: "go-env",
  severity: "warning",
  description: "Go modules are fetched over plain HTTP or unverified TLS",
  tags: ["go", "supply-chain", "security"],
  messages: {
    goinsecure: `GOINSECURE pattern "{{pattern}}" lets go fetch matching modules over plain HTTP or TLS without certificate checks; fix the server's TLS (or add its CA to the image) and remove it.`,
    goinsecureBroad: 'GOINSECURE pattern "{{pattern}}" covers every module on {{host}}: go may fetch all of them over plain HTTP or TLS without certificate checks. Remove it.',
    insecureFlag: "GOFLAGS contains {{flag}}, removed in Go 1.17: 'go get' fails with '{{goError}}' and other commands ignore it. Remove it (use GOINSECURE=your.host only if you must).",
    httpProxy: "GOPROXY entry {{proxy}} uses plain HTTP: anyone on the network path can swap module zips and go.mod files (GOSUMDB catches only versions it knows). Use https://, or list the proxy under go.trusted-proxies in .godock.yaml."
  },
  check(model, ctx) {
    for (const { a, value } of goSettings(model, ["GOINSECURE", "GOFLAGS", "GOPROXY"])) {
      if (a.name === "GOINSECURE") {
        for (const item of splitList(value)) {
          const host = broadPatternHost(item.text);
          const loc = locInValue(a, item.start, item.end, value);
          if (host) ctx.report({ loc, messageId: "goinsecureBroad", data: { pattern: item.text, host }, severity: "error" });
          else ctx.report({ loc, messageId: "goinsecure", data: { pattern: item.text } });
        }
      } else if (a.name === "GOFLAGS") {
        for (const w of splitGoflags(value)) {
          if (w.name !== "insecure") continue;
          ctx.report({ loc: locInValue(a, w.start, w.end, value), messageId: "insecureFlag", data: { flag: w.text, goError: INSECURE_FLAG_ERROR }, severity: "error" });
        }
      } else {
        for (const e of parseGoproxy(value)) {
          if (e.scheme !== "http" || isLoopbackHost(e.host) || isTrustedProxy(e, ctx.trustedProxies)) continue;
          const loc = a.valueLoc ? locInValue(a, e.start, e.end, value) : valueOrName(a);
          ctx.report({ loc, messageId: "httpProxy", data: { proxy: `http://${e.host}` }, secrets: [e.text] });
        }
      }
    }
  }
});

// rules/go-mod-in-gopath-root.ts
function bringsGoMod(c) {
  return c.from === void 0 && c.sources.some((s) => /^(\.\/?|\*|(\.\/)?go\.mod)$/.test(s.path.trim()));
}
function landsIn(c, dir, windows) {
  const dest = copyDestination(c, windows);
  if (dest === null) return false;
  if (pathRelation(dest, dir, windows) === "equal") return true;
  return /(^|[\\/])go\.mod$/.test(c.dest.path) && pathRelation(dest, `${dir}/go.mod`, windows) === "equal";
}
function laterGoCommand(model, scope, line) {
  return model.runs.some((r) => {
    const chain = stageNames(model, r.scope);
    if (!chain.includes(scope) || r.scope === scope && r.loc.line <= line) return false;
    if (envAt(model, r.scope, r.loc.line).get("GO111MODULE") === "off") return false;
    return runScripts(r).some((s) => goInvocations(s.text).some((g) => GO_MODULE_SUBCOMMANDS.has(g.sub)));
  });
}
var go_mod_in_gopath_root_default = defineRule({
  id: "go-mod-in-gopath-root",
  category: "go-env",
  severity: "error",
  formats: ["dockerfile"],
  description: "go.mod copied into the GOPATH root (/go) of the golang image",
  tags: ["go", "gopath", "modules"],
  messages: {
    gopathRoot: '{{instruction}} puts go.mod into {{gopath}}, the GOPATH root{{implicit}}; go refuses it ("$GOPATH/go.mod exists but should not", newer Go: "go: warning: ignoring go.mod in $GOPATH {{gopath}}" then "go.mod file not found"). Set WORKDIR /src (or /usr/src/app) before copying.'
  },
  check(model, ctx) {
    for (const c of model.copies) {
      const scope = model.scopes.find((s) => s.name === c.scope);
      if (!scope?.golang || !c.dest || !bringsGoMod(c)) continue;
      const gopath = envAt(model, scope.name, c.loc.line).get("GOPATH");
      if (typeof gopath !== "string" || !gopath) continue;
      const first = splitGoPathList(gopath, scope.windows)[0];
      if (!isAbsGoPath(first, scope.windows) || !landsIn(c, first, scope.windows)) continue;
      if (!laterGoCommand(model, scope.name, c.loc.line)) continue;
      const explicitWorkdir = instructionsBefore(model, model.workdirs, scope.name, c.loc.line).length > 0;
      const implicit = !isAbsGoPath(c.dest.path, scope.windows) && !explicitWorkdir ? " (the image's default WORKDIR)" : "";
      ctx.report({ loc: c.dest.loc, messageId: "gopathRoot", data: { instruction: `${c.instruction} ${c.sources.map((s) => s.path).join(" ")} ${c.dest.path}`, gopath: first, implicit } });
    }
  }
});

// rules/go-module-mode.ts
var go_module_mode_default = defineRule({
  id: "go-module-mode",
  category: "go-env",
  severity: "error",
  description: "GO111MODULE is invalid, selects GOPATH mode, or is redundant",
  tags: ["go", "modules"],
  messages: {
    invalid: "GO111MODULE={{value}} ({{kind}}) is not a valid setting (on, off, auto or empty; case-sensitive): every go command fails with '{{goError}}'. Remove it (module mode is the default).",
    off: "GO111MODULE=off selects GOPATH mode: 'go get' no longer works there (Go 1.22+), 'go install pkg@version' and 'go mod' fail with 'go: modules disabled by GO111MODULE=off; see 'go help modules'', and GOTOOLCHAIN is ignored. Build in module mode.",
    offOld: "GO111MODULE=off selects GOPATH mode, an ordinary way to build with {{go}} (this image); module mode is the default from Go 1.16 and `go get` stops working in GOPATH mode with Go 1.22. Move to modules before upgrading.",
    redundantOn: "GO111MODULE=on is redundant: module mode is the default since Go 1.16 and this image has {{go}}. Remove it.",
    auto: "GO111MODULE=auto builds in GOPATH mode when there is no go.mod and changes nothing when there is one (module mode is the default since Go 1.16; this image has {{go}}). Remove it if the build has a go.mod; otherwise add one (`go mod init`)."
  },
  check(model, ctx) {
    for (const s of goSettings(model, ["GO111MODULE"])) {
      const { a, value } = s;
      const loc = valueOrName(a);
      const verdict = go111moduleVerdict(value, s.version);
      if (verdict === "invalid") {
        ctx.report({ loc, messageId: "invalid", data: { value, kind: KIND_LABEL[a.kind], goError: go111moduleError(value) } });
      } else if (verdict === "off") {
        if (s.version && olderThanGo(s.version, 16)) ctx.report({ loc, messageId: "offOld", data: { go: goVersionText(s.version) }, severity: "info", plain: ["go"] });
        else ctx.report({ loc, messageId: "off", severity: "warning" });
      } else if (verdict !== null) {
        ctx.report({ loc, messageId: verdict, data: { go: goVersionText(s.version) }, severity: "info", plain: ["go"] });
      }
    }
  }
});

// src/go/names.ts
var CURATED = {
  GONOSUMCHECK: "GONOSUMDB",
  GONOVERIFY: "GONOSUMDB",
  GOSUMCHECK: "GOSUMDB",
  GO111MODULES: "GO111MODULE",
  GOPROXIES: "GOPROXY",
  GO_PROXY: "GOPROXY",
  GOFLAG: "GOFLAGS"
};
var READ_ELSEWHERE = /^(GORACE|GOROOT_BOOTSTRAP|GOROOT_FINAL|GOPACKAGESDRIVER|GO_GCFLAGS|GO_LDFLAGS|GO_EXTLINK_ENABLED|GO_ENV|GOOSE(_.*)?|GOLANGCI_.*|GOPLS.*|GORELEASER.*|GOX.*|GOLANG_.*|GO_?VERSION|.*_VERSION|.*_VER)$/;
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[a.length][b.length];
}
var known = [/* @__PURE__ */ new Map(), /* @__PURE__ */ new Map()];
function goNameNoop(name, windows = false) {
  const cache2 = known[windows ? 1 : 0];
  let r = cache2.get(name);
  if (r === void 0) {
    if (cache2.size >= 4096) cache2.clear();
    cache2.set(name, r = judge(name, windows));
  }
  return r;
}
function judge(name, windows) {
  if (GO_ENV_VARS.has(name)) return null;
  const curated = CURATED[name];
  if (curated) return { kind: "curated", meant: curated };
  const upper = name.toUpperCase();
  if (upper !== name) {
    if (!windows && GO_ENV_VARS.has(upper) && /^c?go/i.test(name)) return { kind: "case", meant: upper };
    return null;
  }
  if (!/^C?GO/.test(name) || READ_ELSEWHERE.test(name)) return null;
  const squeezed = name.replace(/_/g, "");
  let best = null;
  for (const real of GO_ENV_VARS) {
    if (GO_COMPUTED_VARS.has(real) || !/^C?GO/.test(real)) continue;
    const d = squeezed === real.replace(/_/g, "") ? 1 : editDistance(name, real);
    if (!best || d < best.d) best = { meant: real, d };
  }
  if (!best) return null;
  const limit = name.length >= 9 ? 2 : name.length >= 6 ? 1 : 0;
  if (best.d <= limit || best.d === 1 && squeezed === best.meant.replace(/_/g, "")) return { kind: "nearMiss", meant: best.meant };
  return null;
}

// rules/go-noop-setting.ts
var KINDS2 = /* @__PURE__ */ new Set(["env", "go-env-w", "environment", "env-file"]);
function usedNames(model) {
  const texts = [];
  for (const r of model.runs) for (const s of runScripts(r)) texts.push(s.text);
  for (const r of model.runs) if (r.form === "exec") texts.push(joinSegments(r.segments));
  for (const a of model.assignments) texts.push(a.raw ?? a.value ?? "");
  for (const c of model.copies) texts.push(...c.sources.map((s) => s.path), c.dest?.path ?? "");
  for (const w of model.workdirs) texts.push(w.path);
  for (const s of model.scopes) texts.push(s.image ?? "");
  const out = /* @__PURE__ */ new Set();
  for (const t of texts) for (const n of referencedNames(t)) out.add(n);
  return out;
}
var go_noop_setting_default = defineRule({
  id: "go-noop-setting",
  category: "go-env",
  severity: "warning",
  description: "Go-looking setting that the go command ignores",
  tags: ["go", "env"],
  messages: {
    unknown: '{{name}} is not a go command variable and has no effect ("go env -w" rejects it with "go: unknown go command variable {{name}}"). Did you mean {{meant}}?',
    wrongCase: "{{name}} is not {{meant}}: environment names are case-sensitive on Linux, so go never reads it. Write {{meant}}.",
    gorootFinal: "GOROOT_FINAL has no effect since Go 1.23 and never changed where an installed toolchain looks for its root; remove it (symlink the go binary if it lives elsewhere).",
    golangVersion: "GOLANG_VERSION={{value}} does not change the Go in this image ({{tag}} from the FROM tag); nothing reads it. Change the FROM tag instead."
  },
  check(model, ctx) {
    let used = null;
    const buildsGo2 = (scope) => scope !== void 0 && model.runs.some((r) => stageChain(model, scope).some((s) => s.name === r.scope) && runScripts(r).some((s) => /\bmake\.(bash|bat|rc)\b/.test(s.text)));
    walkEnv(model, (v) => {
      const { a, scope } = v;
      if (!KINDS2.has(a.kind)) return;
      const loc = a.nameLoc;
      if (a.name === "GOROOT_FINAL") {
        if (!buildsGo2(a.scope)) ctx.report({ loc, messageId: "gorootFinal", severity: "info" });
        return;
      }
      if (a.name === "GOLANG_VERSION") {
        const tag = scope?.golang ? golangTagVersion(scope.resolvedImage) : null;
        const value = v.expanded;
        if (tag && value && !/[$`]/.test(value) && /^\d/.test(value.replace(/^go/, "")) && !goVersionsAgree(value, tag))
          ctx.report({ loc: valueOrName(a), messageId: "golangVersion", data: { value, tag }, severity: "info" });
        return;
      }
      const noop = goNameNoop(a.name, scope?.windows ?? false);
      if (!noop) return;
      used ??= usedNames(model);
      if (noop.kind !== "curated" && used.has(a.name)) return;
      ctx.report({ loc, messageId: noop.kind === "case" ? "wrongCase" : "unknown", data: { name: a.name, meant: noop.meant } });
    });
  }
});

// rules/go-private-too-broad.ts
var EFFECT = {
  GOPRIVATE: "skips both the module proxy and the checksum database",
  GONOSUMDB: "skips checksum-database verification",
  GONOPROXY: "bypasses the module proxy (the checksum database still applies)"
};
var go_private_too_broad_default = defineRule({
  id: "go-private-too-broad",
  category: "go-env",
  severity: "warning",
  description: "GOPRIVATE, GONOSUMDB or GONOPROXY covers whole public module hosts",
  tags: ["go", "supply-chain", "security"],
  messages: {
    broad: '{{name}} pattern "{{pattern}}" matches every module on {{host}}: go {{effect}} for all of them. Scope it to your organisation, e.g. {{example}}.',
    everything: '{{name}} pattern "{{pattern}}" matches every module on {{hosts}} and any other host it covers: go {{effect}} for all of them. Scope it to your organisation, e.g. {{example}}.'
  },
  check(model, ctx) {
    for (const { a, value } of goSettings(model, Object.keys(EFFECT))) {
      for (const item of splitList(value)) {
        const hosts = broadPatternHosts(item.text);
        const host = hosts[0];
        if (!host) continue;
        ctx.report({
          loc: locInValue(a, item.start, item.end, value),
          messageId: hosts.length > 1 ? "everything" : "broad",
          data: { name: a.name, pattern: item.text, host, hosts: hosts.join(", "), effect: EFFECT[a.name], example: `${host}/your-org/*` },
          severity: a.name === "GONOPROXY" ? "info" : "warning"
        });
      }
    }
  }
});

// rules/go-source-in-goroot.ts
function goRoots(model, scope, line) {
  const roots = goRootsAt(model, scope.name, line);
  const set = model.assignments.some((a) => a.name === "GOROOT") ? envAt(model, scope.name, line).get("GOROOT") : void 0;
  if (typeof set === "string" && set && isAbsGoPath(set, scope.windows)) roots.push(set);
  if (roots.length === 0 && !scope.windows) roots.push(GOLANG_IMAGE.linux.goroot);
  return roots;
}
var SRC = /(^|[\\/])src([\\/]|$)/i;
function buildsGo(model, scope) {
  const chain = new Set(stageNames(model, scope.name));
  return model.runs.some((r) => chain.has(r.scope) && runScripts(r).some((s) => /\b(make|all|run)\.(bash|bat|rc)\b/.test(s.text)));
}
var go_source_in_goroot_default = defineRule({
  id: "go-source-in-goroot",
  category: "go-env",
  severity: "warning",
  formats: ["dockerfile"],
  description: "Project sources copied into GOROOT/src or a WORKDIR inside it",
  tags: ["go", "goroot"],
  messages: {
    copy: "{{instruction}} puts project files into {{path}}, inside the Go distribution ({{goroot}}/src): they are lost or shadowed on every Go upgrade or base image update, and go treats them as standard library code. Copy them to a directory of their own, e.g. WORKDIR /src.",
    workdir: "WORKDIR {{path}} is inside the Go distribution ({{goroot}}/src): whatever is copied here is lost on every Go upgrade or base image update, and go treats it as standard library code. Use a directory of your own, e.g. WORKDIR /src."
  },
  check(model, ctx) {
    const memo = /* @__PURE__ */ new Map();
    const buildsGoMemo = (m, s) => {
      if (!memo.has(s.name)) memo.set(s.name, buildsGo(m, s));
      return memo.get(s.name);
    };
    for (const w of model.workdirs) {
      const scope = model.scopes.find((s) => s.name === w.scope);
      if (!scope || w.absolute === void 0 || !SRC.test(w.absolute) || buildsGoMemo(model, scope)) continue;
      for (const g of goRoots(model, scope, w.loc.line)) {
        if (pathRelation(w.absolute, joinGoPath(g, "src", scope.windows), scope.windows) === null) continue;
        ctx.report({ loc: w.loc, messageId: "workdir", data: { path: w.absolute, goroot: cleanGoPath(g, scope.windows) } });
        break;
      }
    }
    for (const c of model.copies) {
      const scope = model.scopes.find((s) => s.name === c.scope);
      if (!scope || !c.dest || !(SRC.test(c.dest.path) || c.dest.path.includes("$")) || buildsGoMemo(model, scope)) continue;
      const raw = c.dest.path;
      const expanded = raw.includes("$") ? expand(raw, envAt(model, scope.name, c.loc.line)) : raw;
      if (expanded === null || !isAbsGoPath(expanded, scope.windows)) continue;
      const dest = copyDestination({ ...c, dest: { ...c.dest, path: expanded } }, scope.windows);
      if (dest === null) continue;
      const roots = goRoots(model, scope, c.loc.line);
      if (c.from !== void 0 && c.sources.some((s) => roots.some((g) => pathRelation(s.path, g, scope.windows) !== null) || /[\\/]go([\\/]|$)/.test(s.path))) continue;
      for (const g of roots) {
        if (pathRelation(dest, joinGoPath(g, "src", scope.windows), scope.windows) === null) continue;
        ctx.report({ loc: c.dest.loc, messageId: "copy", data: { instruction: c.instruction, path: dest, goroot: cleanGoPath(g, scope.windows) } });
        break;
      }
    }
  }
});

// rules/go-sumdb-disabled.ts
function fetchesNewModules(c, goflags) {
  const words = c.args.map((w) => w.value);
  if (c.sub === "get") return true;
  if ((c.sub === "install" || c.sub === "run") && words.some((w) => !w.startsWith("-") && /@/.test(w))) return true;
  if (c.sub === "mod" && words.find((w) => !w.startsWith("-")) === "tidy") return true;
  return words.includes("-mod=mod") || /(^|\s)-mod=mod(\s|$)/.test(c.vars.get("GOFLAGS") ?? goflags);
}
function fetchIn(model, commands, env, scope) {
  return commands.find(
    (c) => stageChain(model, c.run.scope).some((s) => s.name === scope) && fetchesNewModules(c, env.at(c.run.scope, c.run.loc.line, "GOFLAGS") ?? "")
  );
}
var go_sumdb_disabled_default = defineRule({
  id: "go-sumdb-disabled",
  category: "go-env",
  severity: "warning",
  description: "GOSUMDB turns off or breaks checksum-database verification",
  tags: ["go", "supply-chain", "security"],
  messages: {
    off: "GOSUMDB=off ({{kind}}) accepts module contents that no checksum database has verified whenever a version is not already in go.sum, and toolchain downloads then fail with 'checksum database disabled by GOSUMDB=off'. Remove it; exempt private modules with GOPRIVATE=your.host/org/*.",
    offFetch: "GOSUMDB=off ({{kind}}) while this stage runs `{{command}}`, which resolves versions that go.sum does not pin: their contents are accepted unverified. Remove it; exempt private modules with GOPRIVATE=your.host/org/*.",
    invalid: "GOSUMDB={{value}} is not a checksum database (off, sum.golang.org, or name+hash+key [url]): the first module lookup fails with 'verifying module: {{goError}}'. Remove it to use the default."
  },
  check(model, ctx) {
    const settings = goSettings(model, ["GOSUMDB"]);
    if (settings.length === 0) return;
    const commands = model.format === "dockerfile" ? goCommands(model) : [];
    const env = stageEnv(model);
    for (const { a, value } of settings) {
      const loc = valueOrName(a);
      const kind = KIND_LABEL[a.kind];
      if (value === "off") {
        const fetch = a.scope !== void 0 && model.format === "dockerfile" ? fetchIn(model, commands, env, a.scope) : void 0;
        if (fetch) {
          const command = [`go ${fetch.sub}`, ...fetch.args.slice(0, 2).map((w) => w.value)].join(" ");
          ctx.report({ loc, messageId: "offFetch", data: { kind, command }, severity: "error" });
        } else ctx.report({ loc, messageId: "off", data: { kind } });
        continue;
      }
      const err = sumdbError(value);
      if (err) ctx.report({ loc, messageId: "invalid", data: { value, goError: err }, severity: "error" });
    }
  }
});

// src/go/toolchain.ts
function versionOfToolchain(name) {
  if (/[\\/]/.test(name)) return null;
  let v;
  if (name.startsWith("go")) v = name.slice(2);
  else {
    const i = name.indexOf("-go");
    if (i < 0) return null;
    v = name.slice(i + 3);
  }
  const cut = v.search(/[ \t-]/);
  if (cut >= 0) v = v.slice(0, cut);
  return GO_VERSION.test(v) ? v : null;
}
function parseToolchain(value) {
  if (value === "auto") return { ok: true, min: "local", mode: "auto", version: null };
  if (value === "path") return { ok: true, min: "local", mode: "path", version: null };
  const plus = value.indexOf("+");
  const min = plus < 0 ? value : value.slice(0, plus);
  const suffix = plus < 0 ? "" : value.slice(plus + 1);
  let version = null;
  if (min !== "local") {
    version = versionOfToolchain(min);
    if (version === null) {
      return {
        ok: false,
        error: plus >= 0 ? `invalid GOTOOLCHAIN "${value}": invalid minimum toolchain "${min}"` : `invalid GOTOOLCHAIN "${value}"`
      };
    }
  }
  if (plus >= 0 && suffix !== "auto" && suffix !== "path")
    return { ok: false, error: `invalid GOTOOLCHAIN "${value}": only version suffixes are +auto and +path` };
  return { ok: true, min, mode: suffix, version };
}
function sameGoAsImage(version, image) {
  if (image.minor === Infinity) return null;
  const m = /^1(?:\.(\d+))?(?:\.(\d+))?/.exec(version);
  if (!m || m[1] === void 0) return null;
  if (Number(m[1]) !== image.minor) return false;
  if (m[2] === void 0 || image.patch === null) return null;
  return Number(m[2]) === image.patch;
}

// rules/go-toolchain-setting.ts
var go_toolchain_setting_default = defineRule({
  id: "go-toolchain-setting",
  category: "go-env",
  severity: "warning",
  description: "GOTOOLCHAIN is invalid or lets go download another toolchain",
  tags: ["go", "toolchain", "supply-chain"],
  messages: {
    invalid: "GOTOOLCHAIN={{value}} is not a valid setting: every go command fails with '{{goError}}'. Use local, auto, path, go1.N[.P], optionally with +auto or +path.",
    auto: "GOTOOLCHAIN={{value}} lets go download and run a newer toolchain whenever go.mod asks for one, so the build no longer uses this image's Go (the image pins GOTOOLCHAIN=local) and needs network access and the checksum database. Bump the FROM tag instead.",
    pinned: "GOTOOLCHAIN={{value}} makes every go command download and run {{value}} instead of the Go this image ships ({{image}}). Use a golang:{{version}} image instead.",
    empty: "An empty GOTOOLCHAIN falls back to the default in $GOROOT/go.env (auto), undoing the image's GOTOOLCHAIN=local: go may download another toolchain at build time. Remove the line."
  },
  check(model, ctx) {
    for (const s of goSettings(model, ["GOTOOLCHAIN"])) {
      const { a, value, scope, version } = s;
      if (olderThanGo(version, 21)) continue;
      const loc = valueOrName(a);
      if (value !== "") {
        const t2 = parseToolchain(value);
        if (!t2.ok) {
          ctx.report({ loc, messageId: "invalid", data: { value, goError: t2.error }, severity: "error" });
          continue;
        }
      }
      if (!scope?.golang || scope.windows || a.kind === "run" || a.kind === "go-env-w") continue;
      if (value === "") {
        ctx.report({ loc, messageId: "empty" });
        continue;
      }
      const t = parseToolchain(value);
      if (!t.ok) continue;
      if (t.mode === "auto") ctx.report({ loc, messageId: "auto", data: { value } });
      else if (t.mode === "" && t.version !== null && version !== null && sameGoAsImage(t.version, version) === false) {
        ctx.report({ loc, messageId: "pinned", data: { value, image: scope.resolvedImage ?? scope.image ?? "golang", version: t.version } });
      }
    }
  }
});

// rules/secret-arg-baked-into-env.ts
var secret_arg_baked_into_env_default = defineRule({
  id: "secret-arg-baked-into-env",
  category: "secret",
  severity: "error",
  description: "Secret build argument persisted into the image through ENV",
  formats: ["dockerfile"],
  aliases: ["SecretsUsedInArgOrEnv"],
  tags: ["security", "secrets"],
  messages: {
    baked: "ENV {{name}} copies build arg {{arg}} into the image environment, so the secret passed at build time is stored in the image. Use RUN --mount=type=secret,id={{id}} for build steps and inject {{name}} at run time."
  },
  check(model, ctx) {
    const argsByScope = /* @__PURE__ */ new Map();
    for (const a of model.assignments) {
      if (a.kind !== "arg" || a.viaOnbuild) continue;
      const key = a.scope ?? "";
      if (!argsByScope.has(key)) argsByScope.set(key, /* @__PURE__ */ new Set());
      const c = a.value ? classify(a.name, a.value, ctx.classify) : null;
      if (c && !c.secret && c.valueKind === "literal") argsByScope.get(key).delete(a.name);
      else argsByScope.get(key).add(a.name);
    }
    for (const a of model.assignments) {
      if (a.kind !== "env" || !a.value) continue;
      const args = argsByScope.get(a.scope ?? "");
      if (!args) continue;
      const refs = referencedNames(a.raw ?? a.value);
      const arg = refs.find((r) => args.has(r) && (isSecretName(r, ctx.classify).secret || isSecretName(a.name, ctx.classify).secret));
      if (!arg) continue;
      ctx.report({ loc: a.valueLoc ?? a.nameLoc, messageId: "baked", data: { name: a.name, arg, id: arg.toLowerCase() } });
    }
  }
});

// src/classify/files.ts
var FILES = [
  [/(^|\/)id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/, "an SSH private key"],
  [/(^|\/)\.ssh(\/|$)(?!.*\.pub$)(?!.*known_hosts$)(?!.*config$)(?!.*authorized_keys2?$)/, "an SSH directory"],
  [/(^|\/)[^/]*(private|priv|secret|server|client|tls|ssl|signing)[^/]*[-_.]?key\.pem$|(^|\/)[^/]*[-_.]key\.pem$|(^|\/)key\.pem$/, "a private key"],
  [/(^|\/)[^/]+\.key$/, "a private key"],
  [/(^|\/)[^/]+\.(p12|pfx|jks|keystore)$/, "a key store"],
  [/(^|\/)\.env(\.(local|production|prod|staging|development|dev|secret|secrets))?$/, "an env file with credentials"],
  [/(^|\/)\.npmrc$/, "npm credentials"],
  [/(^|\/)\.netrc$/, "netrc credentials"],
  [/(^|\/)\.pypirc$/, "PyPI credentials"],
  [/(^|\/)\.git-credentials$/, "git credentials"],
  [/(^|\/)\.aws(\/credentials)?$|(^|\/)aws\/credentials$/, "AWS credentials"],
  [/(^|\/)\.docker\/config\.json$/, "Docker registry credentials"],
  [/(^|\/)(\.kube\/config|kubeconfig(\.ya?ml)?)$/, "a kubeconfig"],
  [/(^|\/)(credentials|client_secrets?|[^/]*service[-_]?account[^/]*)\.json$/, "cloud credentials"],
  [/(^|\/)gcp[-_][^/]*(key|cred|credentials|sa|service[-_]?account)[^/]*\.json$/, "cloud credentials"],
  [/(^|\/)\.htpasswd$/, "password hashes"],
  [/(^|\/)secrets?\.(ya?ml|json|env|txt)$/, "a secrets file"],
  [/(^|\/)\.vault-token$/, "a Vault token"],
  [/(^|\/)\.gnupg(\/|$)|(^|\/)[^/]*secret[^/]*\.(gpg|asc)$/, "GnuPG secret keys"]
];
function normal(path2) {
  return path2.replace(/\\/g, "/").replace(/(\/\.)+$/, "").replace(/\/+$/, "").toLowerCase();
}
function kindOfPath(p) {
  if (/(gpg|apt|repo|release|archive|keyring|pubkey|public)[^/]*$/.test(p)) return null;
  if (/\.(pub|crt|cer|pem\.pub)$/.test(p) || /(^|\/)(ca|cert|certs|chain|fullchain|cacert|ca-bundle)[^/]*\.pem$/.test(p)) return null;
  for (const [re, what] of FILES) if (re.test(p)) return what;
  return null;
}
function credentialFileKind(source, dest) {
  if (dest && /\.(pub|asc|gpg|crt|cer)$|(^|\/)trusted\.gpg\.d\//i.test(dest)) return null;
  if (/^https?:\/\//i.test(source) || source.includes("$")) return null;
  const bySource = kindOfPath(normal(source));
  if (bySource || !dest || dest.includes("$") || /(^|[._-])(example|sample|template|dist)([._-]|$)/i.test(source)) return bySource;
  const intoDir = /[\\/]$/.test(dest) || /(^|\/)\.$/.test(source.replace(/\/+$/, ""));
  const base = normal(source).split("/").pop() ?? "";
  const target = intoDir && base !== "" ? `${normal(dest)}/${base}` : normal(dest);
  return kindOfPath(target);
}

// rules/secret-file-copied.ts
var secret_file_copied_default = defineRule({
  id: "secret-file-copied",
  category: "secret",
  severity: "error",
  description: "Private key or credential file copied into the image",
  formats: ["dockerfile"],
  tags: ["security", "secrets"],
  messages: {
    copied: "{{instruction}} puts {{path}} ({{what}}) into an image layer; removing it later does not erase it. Mount it for the step that needs it (RUN --mount=type=secret,id=\u2026,target=\u2026) or provide it at run time, and list it in .dockerignore."
  },
  check(model, ctx) {
    for (const c of model.copies) {
      if (c.from !== void 0) continue;
      for (const s of c.sources) {
        const what = credentialFileKind(s.path, c.dest?.path);
        if (what) ctx.report({ loc: s.loc, messageId: "copied", data: { instruction: c.instruction, path: s.path, what } });
      }
    }
  }
});

// rules/secret-in-build-arg.ts
function firstRunWith(model, a, opts) {
  if (a.scope === void 0 || a.viaOnbuild) return null;
  const n = analyzeName(a.name, opts);
  if (n.strength === "none" || n.exemption) return null;
  return model.runs.find((r) => r.scope === a.scope && !r.viaOnbuild && r.loc.line > a.nameLoc.line) ?? null;
}
var secret_in_build_arg_default = defineRule({
  id: "secret-in-build-arg",
  category: "secret",
  severity: "error",
  description: "Hardcoded secret as a build argument default",
  aliases: ["SecretsUsedInArgOrEnv", "DL3064"],
  tags: ["security", "secrets"],
  messages: {
    argDefault: "ARG {{name}} has a hardcoded {{word}} as its default ({{value}}); build args are visible in the image history. Pass secrets with RUN --mount=type=secret,id={{id}} (docker build --secret id={{id}},env={{name}}).",
    usedInRun: "ARG {{name}} is a secret build arg with no value in the file, and RUN (line {{line}}) runs with it: the builder records `{{name}}=\u2026` in that step of the image history (docker history shows it), and anything the step writes stays in a layer. Pass it with RUN --mount=type=secret,id={{id}} (docker build --secret id={{id}},env={{name}}) instead.",
    composeArg: "build.args {{name}} is a hardcoded {{word}} ({{value}}); build args are visible in the image history. Use compose build `secrets:` and RUN --mount=type=secret in the Dockerfile."
  },
  check(model, ctx) {
    for (const a of model.assignments) {
      if (a.kind !== "arg" && a.kind !== "build-arg") continue;
      const c = classify(a.name, a.value, ctx.classify);
      if (c.secret && c.reason === "name" && !model.template) {
        ctx.report(secretReport(a, c, a.kind === "arg" ? "argDefault" : "composeArg", { id: a.name.toLowerCase() }));
        continue;
      }
      const run3 = a.kind === "arg" && c.valueKind !== "literal" && c.valueKind !== "placeholder" ? firstRunWith(model, a, ctx.classify) : null;
      if (run3) ctx.report({ loc: a.nameLoc, messageId: "usedInRun", data: { name: a.name, line: run3.loc.line, id: a.name.toLowerCase() }, severity: "warning" });
    }
  }
});

// rules/secret-in-env.ts
var secret_in_env_default = defineRule({
  id: "secret-in-env",
  category: "secret",
  severity: "error",
  description: "Hardcoded secret in an environment variable",
  aliases: ["SecretsUsedInArgOrEnv", "DL3064", "DS-0031"],
  tags: ["security", "secrets"],
  messages: {
    dockerfile: "ENV {{name}} holds a hardcoded {{word}} ({{value}}); it is stored in every image layer. Inject it at run time (docker run -e / secrets) or use RUN --mount=type=secret for build steps.",
    compose: "{{name}} is given a hardcoded {{word}} ({{value}}) in environment; use a compose `secrets:` entry (mounted at /run/secrets/\u2026) with a {{name}}_FILE variable, or ${{{name}}} from the deploying shell.",
    envFile: "{{name}} holds a hardcoded {{word}} ({{value}}) in a committed env file; keep real credentials out of version control (a secret store, compose `secrets:`, or an untracked env file)."
  },
  check(model, ctx) {
    for (const a of model.assignments) {
      if (a.kind !== "env" && a.kind !== "environment" && a.kind !== "env-file") continue;
      const c = classify(a.name, a.value, ctx.classify);
      if (!c.secret || c.reason !== "name" || model.template) continue;
      const messageId = a.kind === "env" ? "dockerfile" : a.kind === "environment" ? "compose" : "envFile";
      const r = secretReport(a, c, messageId);
      ctx.report(r);
    }
  }
});

// rules/secret-in-run.ts
var WHERE = {
  cmd: "CMD",
  entrypoint: "ENTRYPOINT",
  healthcheck: "HEALTHCHECK",
  "compose-command": "command",
  "compose-entrypoint": "entrypoint",
  "compose-healthcheck": "healthcheck test"
};
var secret_in_run_default = defineRule({
  id: "secret-in-run",
  category: "secret",
  severity: "error",
  description: "Hardcoded credential in a command (RUN, heredoc, CMD, ENTRYPOINT, HEALTHCHECK, compose command)",
  formats: ["dockerfile", "compose"],
  aliases: ["tally/secrets-in-code"],
  tags: ["security", "secrets"],
  messages: {
    literal: "RUN contains a hardcoded {{tokenType}} ({{value}}); the command is kept in the image history. Use RUN --mount=type=secret,id=\u2026 and read the secret from /run/secrets/\u2026 (or $VAR with --mount=type=secret,env=VAR).",
    heredoc: "A heredoc writes a hardcoded {{tokenType}} ({{value}}) into the build; it stays in the image and its history. Mount the secret with RUN --mount=type=secret,id=\u2026 and read it from /run/secrets/\u2026 at build or run time.",
    assignment: "RUN sets {{name}} to a hardcoded {{word}} ({{value}}); the command is kept in the image history. Use RUN --mount=type=secret,id={{id}},env={{name}} instead.",
    command: "{{where}} contains a hardcoded {{tokenType}} ({{value}}); the command is stored in the image config (docker inspect) and history. Give the secret to the container at run time instead: an environment variable or a secret file under /run/secrets/ that the program reads.",
    composeCommand: "The {{where}} of service {{service}} contains a hardcoded {{tokenType}} ({{value}}); it is committed with the compose file. Reference a variable instead (${NAME}, from an uncommitted .env or the environment) or use a compose secret."
  },
  check(model, ctx) {
    const reported = [];
    const overlaps = (l) => reported.some((r) => r.line === l.line && l.column < r.endColumn && l.endColumn > r.column);
    for (const a of model.assignments) {
      if (a.kind !== "run") continue;
      const c = classify(a.name, a.value, ctx.classify);
      if (!c.secret) continue;
      const r = c.reason === "value" ? secretReport(a, c, "literal") : secretReport(a, c, "assignment", { id: a.name.toLowerCase() });
      reported.push(r.loc);
      ctx.report(r);
    }
    const emit = (loc, messageId, data) => {
      if (overlaps(loc)) return;
      reported.push(loc);
      const plain = data.tokenType.startsWith("value for ") ? ["where"] : ["where", "tokenType"];
      ctx.report({ loc, messageId, data, secrets: [data.value], plain });
    };
    const scanLine = (segs, messageId, extra = {}) => {
      for (const m of scanCommand(joinSegments(segs), ctx.classify)) {
        const loc = locateInSegments(segs, m.start, m.end);
        if (loc) emit(loc, messageId, { ...extra, tokenType: m.type, value: m.text });
      }
    };
    const scanBody = (h) => {
      for (const seg of h.segments) {
        for (const m of [...scanCommand(seg.text, ctx.classify), ...scanAssignments(seg.text, classify, ctx.classify)]) {
          const type = "name" in m ? `value for ${m.name}` : m.type;
          emit(span(seg.line, seg.column + m.start, m.end - m.start), "heredoc", { tokenType: type, value: m.text });
        }
      }
    };
    for (const run3 of model.runs) {
      scanLine(run3.segments, "literal");
      run3.heredocs.forEach(scanBody);
    }
    for (const c of model.copies) c.heredocs.forEach(scanBody);
    for (const cmd of model.commands) {
      if (cmd.kind.startsWith("compose-")) scanLine(cmd.segments, "composeCommand", { where: WHERE[cmd.kind], service: cmd.scope });
      else scanLine(cmd.segments, "command", { where: WHERE[cmd.kind] });
    }
  }
});

// rules/secret-token-format.ts
var secret_token_format_default = defineRule({
  id: "secret-token-format",
  category: "secret",
  severity: "error",
  description: "Value has the format of a known credential",
  aliases: ["SecretsUsedInArgOrEnv"],
  tags: ["security", "secrets"],
  messages: {
    published: "{{kind}} {{name}} contains the {{published}} ({{value}}): published by its vendor and valid only against the local emulator, so there is nothing to revoke. Make sure no real deployment reads this setting.",
    token: "{{kind}} {{name}} contains {{a tokenType}} ({{value}}); revoke it and inject it at run time or through a build secret instead of writing it into the file."
  },
  check(model, ctx) {
    for (const a of model.assignments) {
      if (a.kind === "run" || a.kind === "go-env-w" || a.kind === "runtime") continue;
      const c = classify(a.name, a.value, ctx.classify);
      if (!c.secret || c.reason !== "value") continue;
      if (c.published) {
        ctx.report({ ...secretReport(a, c, "published", { published: c.published }), severity: "info", plain: ["kind", "tokenType", "word", "published"] });
        continue;
      }
      ctx.report(secretReport(a, c, "token"));
    }
  }
});

// rules/index.ts
var rules = [
  compose_host_interpolation_default,
  go_binary_without_goroot_default,
  go_cache_unusable_default,
  go_cgo_libc_mismatch_default,
  go_env_in_run_default,
  go_env_self_reference_default,
  go_env_write_default,
  go_flags_misuse_default,
  go_gopath_goroot_overlap_default,
  go_gopath_invalid_default,
  go_goroot_override_default,
  go_hardcoded_target_default,
  go_insecure_transport_default,
  go_mod_in_gopath_root_default,
  go_module_mode_default,
  go_noop_setting_default,
  go_private_too_broad_default,
  go_source_in_goroot_default,
  go_sumdb_disabled_default,
  go_toolchain_setting_default,
  secret_arg_baked_into_env_default,
  secret_file_copied_default,
  secret_in_build_arg_default,
  secret_in_env_default,
  secret_in_run_default,
  secret_token_format_default
].sort((a, b) => a.id.localeCompare(b.id));

// src/commands/rules.ts
var RULES_HELP = `Usage: godock rules [--format text|json]

Lists every rule with its id, category, default severity and summary.
`;
var EXPLAIN_HELP = `Usage: godock explain <rule>

Prints the documentation of a rule (by id, or by a hadolint / BuildKit alias).
`;
function listRules(rules2, format = "text") {
  const sorted = [...rules2].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (format === "json")
    return `${JSON.stringify(
      sorted.map((r) => ({ id: r.id, category: r.category, severity: r.severity, description: r.description, aliases: r.aliases ?? [], docsUrl: r.docsUrl })),
      null,
      2
    )}
`;
  const header = { id: "ID", category: "CATEGORY", severity: "SEVERITY", description: "SUMMARY" };
  const rows = [header, ...sorted.map((r) => ({ id: r.id, category: r.category, severity: r.severity, description: r.description }))];
  const w = (k) => Math.max(...rows.map((r) => r[k].length));
  const [wi, wc, ws] = [w("id"), w("category"), w("severity")];
  return `${rows.map((r) => `${r.id.padEnd(wi)}  ${r.category.padEnd(wc)}  ${r.severity.padEnd(ws)}  ${r.description}`).join("\n")}
`;
}
function lookupRule(rules2, name) {
  const lower = name.toLowerCase();
  const byId = rules2.find((r) => r.id === lower);
  if (byId) return { rule: byId };
  const byAlias = rules2.filter((r) => (r.aliases ?? []).some((a) => a.toLowerCase() === lower));
  if (byAlias.length === 1) return { rule: byAlias[0] };
  if (byAlias.length > 1) return { error: `"${name}" is an alias of several rules: ${byAlias.map((r) => r.id).join(", ")}` };
  const near = rules2.filter((r) => r.id.includes(lower) || lower.includes(r.id)).map((r) => r.id);
  return { error: `unknown rule "${name}"${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}; \`godock rules\` lists them` };
}
function explainRule(rule) {
  const doc = readRuleDoc(rule);
  if (doc) return doc.endsWith("\n") ? doc : `${doc}
`;
  return `# ${rule.id}

${rule.description}

- Category: ${rule.category}
- Default severity: ${rule.severity}
- Documentation: ${rule.docsUrl}
`;
}
async function runRules(argv, io, rules2 = rules) {
  const [cmd, ...rest] = argv;
  let parsed;
  try {
    parsed = (0, import_node_util.parseArgs)({ args: rest, allowPositionals: true, options: { format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } } });
  } catch (e) {
    io.stderr.write(`godock ${cmd}: ${e.message}
`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (cmd === "rules") {
    if (v.help) {
      io.stdout.write(RULES_HELP);
      return 0;
    }
    const format = v.format ?? "text";
    if (format !== "text" && format !== "json" || positionals.length > 0) {
      io.stderr.write(`godock rules: ${positionals.length ? `unexpected argument "${positionals[0]}"` : `--format must be text or json`}

${RULES_HELP}`);
      return 2;
    }
    io.stdout.write(listRules(rules2, format));
    return 0;
  }
  if (v.help) {
    io.stdout.write(EXPLAIN_HELP);
    return 0;
  }
  if (positionals.length !== 1 || v.format !== void 0) {
    io.stderr.write(`godock explain: expected exactly one rule id

${EXPLAIN_HELP}`);
    return 2;
  }
  const found = lookupRule(rules2, positionals[0]);
  if ("error" in found) {
    io.stderr.write(`godock explain: ${found.error}
`);
    return 2;
  }
  io.stdout.write(explainRule(found.rule));
  return 0;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  explainRule,
  listRules,
  lookupRule,
  runRules
});
