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
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
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
      let wrap2 = String(opts.wrap);
      let cacheKey = min + ":" + max + "=" + relax + shorthand + capture + wrap2;
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
    function contains(arr, key2, val) {
      return arr.some((ele) => ele[key2] === val);
    }
    function countNines(min, len) {
      return Number(String(min).slice(0, -len) + "9".repeat(len));
    }
    function countZeros(integer2, zeros) {
      return integer2 - integer2 % Math.pow(10, zeros);
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
        let wrap2 = options.wrap === true;
        let prefix = options.capture ? "" : "?:";
        return wrap2 ? `(${prefix}${start.join("|")})` : start.join("|");
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
      const walk3 = (node, parent = {}) => {
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
            output += walk3(child, node);
          }
        }
        return output;
      };
      return walk3(ast);
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
      const walk3 = (node, parent = {}) => {
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
            walk3(child, node);
          }
        }
        return queue;
      };
      return utils.flatten(walk3(ast));
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
          const open2 = value;
          let next;
          if (options.keepQuotes !== true) {
            value = "";
          }
          while (index < length && (next = advance())) {
            if (next === CHAR_BACKSLASH) {
              value += next + advance();
              continue;
            }
            if (next === open2) {
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
            const open2 = block.nodes.shift();
            block.nodes = [open2, { type: "text", value: stringify(block) }];
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
    var path11 = require("path");
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
      SEP: path11.sep,
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
    var path11 = require("path");
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
      return win32 === true || path11.sep === "\\";
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
    var constants3 = require_constants2();
    var utils = require_utils2();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants3;
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
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants3.DEFAULT_MAX_EXTGLOB_RECURSION;
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
      const PLATFORM_CHARS = constants3.globChars(win32);
      const EXTGLOB_CHARS = constants3.extglobChars(PLATFORM_CHARS);
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
          const open2 = tokens[token.tokensIndex];
          open2.type = "text";
          open2.value = literal2;
          open2.output = safeOutput || utils.escapeRegex(literal2);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open2.output;
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
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
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
          const open2 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open2);
          push(open2);
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
      } = constants3.globChars(win32);
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
    var path11 = require("path");
    var scan = require_scan();
    var parse = require_parse2();
    var utils = require_utils2();
    var constants3 = require_constants2();
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
      const posix2 = utils.isWindows(options);
      const regex = isState ? picomatch.compileRe(glob, options) : picomatch.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix: posix2 });
        const result = { glob, state, regex, posix: posix2, input, output, match, isMatch };
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
    picomatch.test = (input, regex, options, { glob, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch.matchBase = (input, glob, options, posix2 = utils.isWindows(options)) => {
      const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
      return regex.test(path11.basename(input));
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
    picomatch.constants = constants3;
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
      let matches2 = result.filter((item) => !omit.has(item));
      if (options && matches2.length === 0) {
        if (options.failglob === true) {
          throw new Error(`No matches found for "${patterns.join(", ")}"`);
        }
        if (options.nonull === true || options.nullglob === true) {
          return options.unescape ? patterns.map((p) => p.replace(/\\/g, "")) : patterns;
        }
      }
      return matches2;
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
      let matches2 = new Set(micromatch2(list, patterns, { ...options, onResult }));
      for (let item of items) {
        if (!matches2.has(item)) {
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
      for (let key2 of keys) res[key2] = obj[key2];
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
      let posix2 = utils.isWindows(options);
      let regex = picomatch.makeRe(String(glob), { ...options, capture: true });
      let match = regex.exec(posix2 ? utils.toPosixSlashes(input) : input);
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

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports2, module2) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key2, value) => {
      Object.defineProperty(object, key2, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run3, space) => space ? run3.slice(0, run3.length - run3.length % 2) + SPACE : run3,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run3, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run3.length && !run3[index].wildcard; index++) {
        separator += run3[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run3 = [];
      const flush = () => {
        let lastWildcard;
        run3.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run3.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run3, at)})[^\\/])*`;
        });
        run3 = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run3.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path11) => {
      const end = path11.length - 1;
      const index = path11.lastIndexOf(
        SLASH,
        path11[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path11 : path11.slice(index + 1);
    };
    var parentOf = (path11) => {
      if (path11.charCodeAt(0) === SLASH_CODE || path11.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path11.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path11.length - 1;
      const cut = path11.lastIndexOf(
        SLASH,
        path11.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path11.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key2 = UNDERSCORE + MODE_IGNORE;
        if (this[key2]) {
          return this[key2];
        }
        return this._make(MODE_IGNORE, key2);
      }
      get checkRegex() {
        const key2 = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key2]) {
          return this[key2];
        }
        return this._make(MODE_CHECK_IGNORE, key2);
      }
      _make(mode, key2) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key2, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path11) {
        const rules2 = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules2.length - 1; index >= 0; index--) {
          const rule = rules2[index];
          if (rule.checkRegex.test(path11)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path11, mode) {
        const rules2 = this._rules;
        const { length } = rules2;
        const shortcut = this._basenameCount * 2 >= length;
        const basename3 = shortcut ? basenameOf(path11) : path11;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules2[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename3 : path11
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path11, originalPath, doThrow) => {
      if (!isString(path11)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path11) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path11)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path11) => {
      const first = path11.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path11.length === 1) {
        return true;
      }
      const second = path11.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path11.length === 2 || path11.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache2, path11) {
        checkPath(
          path11,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path11 ? this._t(path11, cache2) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path11 = convertPath(target);
        if (!path11 || path11.charCodeAt(path11.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path11);
        }
        const dir = this._t(path11, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal2 = this._rules.testLiteral(path11);
        return literal2.ignored || literal2.unignored ? literal2 : dir;
      }
      _t(path11, cache2) {
        if (path11 in cache2) {
          return cache2[path11];
        }
        const parentPath = parentOf(path11);
        const parent = parentPath ? this._t(parentPath, cache2) : UNDEFINED;
        return cache2[path11] = parent && parent.ignored ? parent : this._rules.test(path11, MODE_IGNORE);
      }
      ignores(path11) {
        return this._test(path11, this._ignoreCache, convertPath(path11)).ignored;
      }
      createFilter() {
        return (path11) => !this.ignores(path11);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path11) {
        return this._test(path11, this._testCache, convertPath(path11));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path11) => checkPath(convertPath(path11), path11, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path11) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path11) || isNotRelative(path11);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module2.exports = factory;
    factory.default = factory;
    module2.exports.isPathValid = isPathValid;
    define(module2.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports2) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection2(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias2;
    exports2.isCollection = isCollection2;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap3;
    exports2.isNode = isNode;
    exports2.isPair = isPair;
    exports2.isScalar = isScalar3;
    exports2.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key2, node, visitor, path11) {
      const ctrl = callVisitor(key2, node, visitor, path11);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path11, ctrl);
        return visit_(key2, ctrl, visitor, path11);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path11 = Object.freeze(path11.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path11);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path11 = Object.freeze(path11.concat(node));
          const ck = visit_("key", node.key, visitor, path11);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path11);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key2, node, visitor, path11) {
      const ctrl = await callVisitor(key2, node, visitor, path11);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path11, ctrl);
        return visitAsync_(key2, ctrl, visitor, path11);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path11 = Object.freeze(path11.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path11);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path11 = Object.freeze(path11.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path11);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path11);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key2, node, visitor, path11) {
      if (typeof visitor === "function")
        return visitor(key2, node, path11);
      if (identity.isMap(node))
        return visitor.Map?.(key2, node, path11);
      if (identity.isSeq(node))
        return visitor.Seq?.(key2, node, path11);
      if (identity.isPair(node))
        return visitor.Pair?.(key2, node, path11);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key2, node, path11);
      if (identity.isAlias(node))
        return visitor.Alias?.(key2, node, path11);
      return void 0;
    }
    function replaceNode(key2, path11, node) {
      const parent = path11[path11.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key2] = node;
      } else if (identity.isPair(parent)) {
        if (key2 === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports2.visit = visit2;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle2, prefix] = parts;
            this.tags[handle2] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle2, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle2];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle2 === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle2, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle2 + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle2, prefix] of tagEntries) {
          if (handle2 === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle2} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports2.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports2.anchorIsValid = anchorIsValid;
    exports2.anchorNames = anchorNames;
    exports2.createNodeAnchors = createNodeAnchors;
    exports2.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports2) {
    "use strict";
    function applyReviver(reviver, obj, key2, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key2, val);
    }
    exports2.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports2.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports2) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports2.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports2.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports2.Scalar = Scalar;
    exports2.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports2.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path11, value) {
      let v = value;
      for (let i = path11.length - 1; i >= 0; --i) {
        const k = path11[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path11) => path11 == null || typeof path11 === "object" && !!path11[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path11, value) {
        if (isEmptyPath(path11))
          this.add(value);
        else {
          const [key2, ...rest] = path11;
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path11) {
        const [key2, ...rest] = path11;
        if (rest.length === 0)
          return this.delete(key2);
        const node = this.get(key2, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path11, keepScalar) {
        const [key2, ...rest] = path11;
        const node = this.get(key2, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path11) {
        const [key2, ...rest] = path11;
        if (rest.length === 0)
          return this.has(key2);
        const node = this.get(key2, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path11, value) {
        const [key2, ...rest] = path11;
        if (rest.length === 0) {
          this.set(key2, value);
        } else {
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
    };
    exports2.Collection = Collection;
    exports2.collectionFromPath = collectionFromPath;
    exports2.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports2) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports2.indentComment = indentComment;
    exports2.lineComment = lineComment;
    exports2.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports2) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports2.FOLD_BLOCK = FOLD_BLOCK;
    exports2.FOLD_FLOW = FOLD_FLOW;
    exports2.FOLD_QUOTED = FOLD_QUOTED;
    exports2.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json2 = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json2;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json2[i]; ch; ch = json2[++i]) {
        if (ch === " " && json2[i + 1] === "\\" && json2[i + 2] === "n") {
          str += json2.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json2[i + 1]) {
            case "u":
              {
                str += json2.slice(start, i);
                const code = json2.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json2.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json2[i + 2] === '"' || json2.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json2.slice(start, i) + "\n\n";
                while (json2[i + 2] === "\\" && json2[i + 3] === "n" && json2[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json2[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json2.slice(start) : json2;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports2.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify2 = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports2.createStringifyContext = createStringifyContext;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify2();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key: key2, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key2) && key2.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key2) || !identity.isNode(key2) && typeof key2 === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key2 || keyComment && value == null && !ctx.inFlow || identity.isCollection(key2) || (identity.isScalar(key2) ? key2.type === Scalar.Scalar.BLOCK_FOLDED || key2.type === Scalar.Scalar.BLOCK_LITERAL : typeof key2 === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key2, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports2.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports2) {
    "use strict";
    var node_process = require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports2.debug = debug;
    exports2.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey2 = (ctx, key2) => (merge.identify(key2) || identity.isScalar(key2) && (!key2.type || key2.type === Scalar.Scalar.PLAIN) && merge.identify(key2.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key2, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key2))
            map.set(key2, value2);
        } else if (map instanceof Set) {
          map.add(key2);
        } else if (!Object.prototype.hasOwnProperty.call(map, key2)) {
          Object.defineProperty(map, key2, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports2.addMergeToJSMap = addMergeToJSMap;
    exports2.isMergeKey = isMergeKey2;
    exports2.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports2) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify2();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key: key2, value }) {
      if (identity.isNode(key2) && key2.addToJSMap)
        key2.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key2))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key2, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key2, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key2, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key2) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key2.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports2.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key2, value, ctx) {
      const k = createNode.createNode(key2, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key2, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key2;
        this.value = value;
      }
      clone(schema) {
        let { key: key2, value } = this;
        if (identity.isNode(key2))
          key2 = key2.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key2, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports2.Pair = Pair;
    exports2.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify2();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports2.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports2) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key2) {
      const k = identity.isScalar(key2) ? key2.value : key2;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key2 || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key2, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key2, value);
          else if (Array.isArray(replacer) && !replacer.includes(key2))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key2, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key2, value] of obj)
            add(key2, value);
        } else if (obj && typeof obj === "object") {
          for (const key2 of Object.keys(obj))
            add(key2, obj[key2]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key2) {
        const it = findPair(this.items, key2);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const it = findPair(this.items, key2);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key2) {
        return !!findPair(this.items, key2);
      }
      set(key2, value) {
        this.add(new Pair.Pair(key2, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports2.YAMLMap = YAMLMap;
    exports2.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports2.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key2) {
        const idx = asItemIndex(key2);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key2, value) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key2}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key2 = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key2, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key2) {
      let idx = identity.isScalar(key2) ? key2.value : key2;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports2.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports2.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports2) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports2.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports2.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports2.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports2.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports2) {
    "use strict";
    var node_buffer = require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports2.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key2, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key2 = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key2 = keys[0];
              value = it[key2];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key2 = it;
          }
          pairs2.items.push(Pair.createPair(key2, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports2.createPairs = createPairs;
    exports2.pairs = pairs;
    exports2.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key2, value;
          if (identity.isPair(pair)) {
            key2 = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key2, ctx);
          } else {
            key2 = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key2))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key2, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key: key2 } of pairs$1.items) {
          if (identity.isScalar(key2)) {
            if (seenKeys.includes(key2.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key2.value}`);
            } else {
              seenKeys.push(key2.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports2.YAMLOMap = YAMLOMap;
    exports2.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports2.falseTag = falseTag;
    exports2.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intBin = intBin;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key2) {
        let pair;
        if (identity.isPair(key2))
          pair = key2;
        else if (key2 && typeof key2 === "object" && "key" in key2 && "value" in key2 && key2.value === null)
          pair = new Pair.Pair(key2.key, null);
        else
          pair = new Pair.Pair(key2, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key2, keepPair) {
        const pair = YAMLMap.findPair(this.items, key2);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key2, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key2);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key2));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports2.YAMLSet = YAMLSet;
    exports2.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports2.floatTime = floatTime;
    exports2.intTime = intTime;
    exports2.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key2) => key2 !== "yaml11").map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports2.coreKnownTags = coreKnownTags;
    exports2.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports2.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify2();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports2.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path11, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path11, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key2, value, options = {}) {
        const k = this.createNode(key2, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        return assertCollection(this.contents) ? this.contents.delete(key2) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path11) {
        if (Collection.isEmptyPath(path11)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path11) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key2, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key2, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path11, keepScalar) {
        if (Collection.isEmptyPath(path11))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path11, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key2) {
        return identity.isCollection(this.contents) ? this.contents.has(key2) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path11) {
        if (Collection.isEmptyPath(path11))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path11) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key2, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key2], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key2, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path11, value) {
        if (Collection.isEmptyPath(path11)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path11), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path11, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json: json2, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json2,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports2.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports2) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports2.YAMLError = YAMLError;
    exports2.YAMLParseError = YAMLParseError;
    exports2.YAMLWarning = YAMLWarning;
    exports2.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports2) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports2.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports2) {
    "use strict";
    function containsNewline(key2) {
      if (!key2)
        return null;
      switch (key2.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key2.source.includes("\n"))
            return true;
          if (key2.end) {
            for (const st of key2.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key2.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports2.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports2) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports2.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports2.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports2) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key: key2, sep: sep5, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key2 ?? sep5?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key2) {
            if (key2.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key2 && key2.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep5) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key2)) {
            onError(key2 ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key2 ? composeNode(ctx, key2, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key2, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep5 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key2 || key2.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep5, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports2.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports2) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports2.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports2) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep5 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep5 + cb;
              sep5 = "";
              break;
            }
            case "newline":
              if (comment)
                sep5 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports2.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key: key2, sep: sep5, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key2 ?? sep5?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep5 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key2))
            onError(
              key2,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep5 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep5, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key2 ? composeNode(ctx, key2, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key2))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep5 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep5)
                for (const st of sep5) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep5, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports2.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports2.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep5 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep5 + indent.slice(trimIndent) + content;
          sep5 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep5 === " ")
            sep5 = "\n";
          else if (!prevMoreIndented && sep5 === "\n")
            sep5 = "\n\n";
          value += sep5 + indent.slice(trimIndent) + content;
          sep5 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep5 === "\n")
            value += "\n";
          else
            sep5 = "\n";
        } else {
          value += sep5 + content;
          sep5 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports2.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep5 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep5 === "\n")
            res += sep5;
          else
            sep5 = "\n";
        } else {
          res += sep5 + lm;
          sep5 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep5 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports2.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports2.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports2) {
    "use strict";
    function emptyScalarPosition(offset, before2, pos) {
      if (before2) {
        pos ?? (pos = before2.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before2[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before2[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before2[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports2.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before2, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before2, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports2.composeEmptyNode = composeEmptyNode;
    exports2.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports2) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports2.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports2.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports2) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key2 of Object.keys(token))
          if (key2 !== "type" && key2 !== "offset")
            delete token[key2];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key2 of Object.keys(token))
            if (key2 !== "type" && key2 !== "offset")
              delete token[key2];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports2.createScalarToken = createScalarToken;
    exports2.resolveAsScalar = resolveAsScalar;
    exports2.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports2) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key: key2, sep: sep5, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key2)
        res += stringifyToken(key2);
      if (sep5)
        for (const st of sep5)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path11) => {
      let item = cst;
      for (const [field, index] of path11) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path11) => {
      const parent = visit2.itemAtPath(cst, path11.slice(0, -1));
      const field = path11[path11.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path11, item, visitor) {
      let ctrl = visitor(item, path11);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path11.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path11);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path11) : ctrl;
    }
    exports2.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection2 = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports2.createScalarToken = cstScalar.createScalarToken;
    exports2.resolveAsScalar = cstScalar.resolveAsScalar;
    exports2.setScalarValue = cstScalar.setScalarValue;
    exports2.stringify = cstStringify.stringify;
    exports2.visit = cstVisit.visit;
    exports2.BOM = BOM;
    exports2.DOCUMENT = DOCUMENT;
    exports2.FLOW_END = FLOW_END;
    exports2.SCALAR = SCALAR;
    exports2.isCollection = isCollection2;
    exports2.isScalar = isScalar3;
    exports2.prettyToken = prettyToken;
    exports2.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports2) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports2.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports2) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports2.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep5;
          if (scalar.end) {
            sep5 = scalar.end;
            sep5.push(this.sourceToken);
            delete scalar.end;
          } else
            sep5 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep5 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key2 = it.key;
                  const sep5 = it.sep;
                  sep5.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: key2, sep: sep5 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs2, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs2);
              } else {
                Object.assign(it, { key: fs2, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs2, sep: [] });
              else if (it.sep)
                this.stack.push(fs2);
              else
                Object.assign(it, { key: fs2, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep5 = fc.end.splice(1, fc.end.length);
            sep5.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep5 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports2.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports2.parse = parse;
    exports2.parseAllDocuments = parseAllDocuments;
    exports2.parseDocument = parseDocument3;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports2.Composer = composer.Composer;
    exports2.Document = Document.Document;
    exports2.Schema = Schema.Schema;
    exports2.YAMLError = errors.YAMLError;
    exports2.YAMLParseError = errors.YAMLParseError;
    exports2.YAMLWarning = errors.YAMLWarning;
    exports2.Alias = Alias.Alias;
    exports2.isAlias = identity.isAlias;
    exports2.isCollection = identity.isCollection;
    exports2.isDocument = identity.isDocument;
    exports2.isMap = identity.isMap;
    exports2.isNode = identity.isNode;
    exports2.isPair = identity.isPair;
    exports2.isScalar = identity.isScalar;
    exports2.isSeq = identity.isSeq;
    exports2.Pair = Pair.Pair;
    exports2.Scalar = Scalar.Scalar;
    exports2.YAMLMap = YAMLMap.YAMLMap;
    exports2.YAMLSeq = YAMLSeq.YAMLSeq;
    exports2.CST = cst;
    exports2.Lexer = lexer.Lexer;
    exports2.LineCounter = lineCounter.LineCounter;
    exports2.Parser = parser.Parser;
    exports2.parse = publicApi.parse;
    exports2.parseAllDocuments = publicApi.parseAllDocuments;
    exports2.parseDocument = publicApi.parseDocument;
    exports2.stringify = publicApi.stringify;
    exports2.visit = visit2.visit;
    exports2.visitAsync = visit2.visitAsync;
  }
});

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports2.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports2.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code)) {
          result.code = code;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command2, ...args) {
        const result = { title, command: command2 };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id2;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id2 = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id2 = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id2);
        }
        this.edits.push(edit);
        if (id2 !== void 0) {
          return id2;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id2;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id2 = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id2 = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id2);
        }
        this.edits.push(edit);
        if (id2 !== void 0) {
          return id2;
        }
      }
      delete(range, annotation) {
        let edit;
        let id2;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id2 = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id2 = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id2);
        }
        this.edits.push(edit);
        if (id2 !== void 0) {
          return id2;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id2;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id2 = idOrAnnotation;
        } else {
          id2 = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id2] !== void 0) {
          throw new Error(`Id ${id2} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id2}`);
        }
        this._annotations[id2] = annotation;
        this._size++;
        return id2;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key2) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key2]);
              this._textEditChanges[key2] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key2) {
        if (OptionalVersionedTextDocumentIdentifier.is(key2)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key2.uri, version: key2.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key2];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key2] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key2] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id2;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id2 = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id2);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id2 !== void 0) {
          return id2;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id2;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id2 = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id2);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id2 !== void 0) {
          return id2;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id2;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id2 = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id2);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id2 !== void 0) {
          return id2;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name, kind, range, uri, containerName) {
        const result = {
          name,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name, kind, uri, range) {
        return range !== void 0 ? { name, kind, location: { uri, range } } : { name, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name, detail, kind, range, selectionRange, children) {
        const result = {
          name,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text) {
        return { range, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command2) {
        return { insertText, filterText, range, command: command2 };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text) {
        return { range, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits(document, edits) {
        let text = document.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare);
        mergeSort2(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text = this._content;
          let isLineStart = true;
          for (let i = 0; i < text.length; i++) {
            if (isLineStart) {
              lineOffsets.push(i);
              isLineStart = false;
            }
            const ch = text.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text.length && text.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text.length > 0) {
            lineOffsets.push(text.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string;
      function number(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports2.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content, escapeChar2) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar2:
              escapeCheck: for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports2.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content = this.getContent();
        if (content) {
          return "# " + content;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        }
        if (start === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports2.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change of changes) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                lineOffsets[i] = lineOffsets[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine = lineOffsets.length - 1;
          return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document, changes, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits(document, edits) {
        const text = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports2.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name, nameRange, contentRange2, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange2;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports2.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Variable = void 0;
    var Variable = class {
      constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports2.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction3 = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar2;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start = true;
              comment = false;
              i += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start = true;
              comment = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment) {
              startPosition = null;
              start = true;
              comment = false;
            }
          } else {
            if (!comment) {
              if (startPosition === null) {
                if (char === "#") {
                  comment = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment) {
                  comment = false;
                  start = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next === "\n") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment) {
            if (start && char === "#") {
              comment = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start = this.document.positionAt(offset + i);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name += content.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name += ch;
              break;
          }
        }
        return name;
      }
      getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start === -1) {
                start = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange2 = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange2, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name = this.getName(nameRange);
          let contentRange2 = null;
          const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange2 = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange2 = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange2, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name2 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name2, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text.charAt(index) === "	") {
            index++;
          }
          if (text.substring(index) === name) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text === name ? candidateRange : null;
      }
    };
    exports2.Instruction = Instruction3;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports2.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name) {
        for (const option of this.options) {
          if (option.getName() === name) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports2.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports2.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports2.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports2.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar2, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar2;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar2);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar2);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar2);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before2 = value.charAt(index - 1);
          if (initial === '"' && before2 === '"' || initial === "'" && before2 === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar2) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar2);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal2 = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar2) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar2:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar2;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal2) {
                        if (char2 === escapeChar2) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar2) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar2;
                }
                continue parseValue;
              } else if (inSingle || literal2) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar2;
                }
                continue parseValue;
              } else if (char === escapeChar2) {
                escapedValue = escapedValue + escapeChar2;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports2.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText();
            let start = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
          let char = content.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length;
          let value = content.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
      }
    };
    exports2.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg2 = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports2.Arg = Arg2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
    };
    exports2.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports2.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env2 = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports2.Env = Env2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
    };
    exports2.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From2 = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
          const ch = imageName.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name = name + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name = name + ch;
                escaped = false;
              }
              break;
          }
        }
        return name;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content, "@");
          const slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content, ":");
          const dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports2.From = From2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports2.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label2 = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables.length; i++) {
              if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                variables.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports2.Label = Label2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser2();
    var instruction_1 = require_instruction();
    var Onbuild2 = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports2.Onbuild = Onbuild2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports2.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
    };
    exports2.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
    };
    exports2.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir2 = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path11 = this.getPath();
        if (path11 === null || path11.startsWith("/")) {
          return path11;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path11 : parent + "/" + path11;
            }
          }
        }
        return void 0;
      }
    };
    exports2.Workdir = Workdir2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.User = void 0;
    var instruction_1 = require_instruction();
    var User2 = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
    };
    exports2.User = User2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar2, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar2, instruction, instructionRange);
      }
    };
    exports2.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args.push(instruction);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies.push(instruction);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args.push(instruction);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports2.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports2.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser2 = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser2 = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar2, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction = instruction + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name = util_1.Util.parseHeredocName(value);
            if (name !== null) {
              heredocs.push(name);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
            case this.escapeChar:
              const next = this.buffer.charAt(i + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i++;
              } else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports2.Parser = Parser2;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.DockerfileParser = exports2.DefaultVariables = exports2.Directive = exports2.Keyword = exports2.Workdir = exports2.Volume = exports2.User = exports2.Stopsignal = exports2.Shell = exports2.Run = exports2.PropertyInstruction = exports2.Onbuild = exports2.ModifiableInstruction = exports2.Label = exports2.JSONInstruction = exports2.Heredoc = exports2.Healthcheck = exports2.From = exports2.Env = exports2.Entrypoint = exports2.Copy = exports2.Cmd = exports2.Arg = exports2.Add = exports2.Variable = exports2.Property = exports2.ParserDirective = exports2.Line = exports2.Instruction = exports2.Flag = exports2.Comment = exports2.JSONArgument = exports2.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports2, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports2, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports2, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser2();
    var flag_1 = require_flag();
    Object.defineProperty(exports2, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports2, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports2, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports2, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports2, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports2, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports2, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports2, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports2, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports2, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports2, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports2, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports2, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports2, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports2, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports2, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports2, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports2, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports2, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports2, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports2, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports2, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports2, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports2, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports2, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports2, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports2.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports2.Directive = Directive = {}));
    exports2.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
      }
      DockerfileParser3.parse = parse;
    })(DockerfileParser2 || (exports2.DockerfileParser = DockerfileParser2 = {}));
  }
});

// src/action.ts
var action_exports = {};
__export(action_exports, {
  InputError: () => InputError,
  changedFiles: () => changedFiles,
  getInput: () => getInput,
  getSwitch: () => getSwitch,
  readInputs: () => readInputs,
  runAction: () => runAction,
  sarifTarget: () => sarifTarget,
  setOutput: () => setOutput
});
module.exports = __toCommonJS(action_exports);
var import_node_child_process = require("node:child_process");
var import_node_crypto4 = require("node:crypto");
var import_node_fs8 = require("node:fs");
var path10 = __toESM(require("node:path"));

// src/classify/mask.ts
function mask(value) {
  const len = [...value].length;
  const prefixLen = Math.min(4, Math.floor(len / 4));
  const prefix = [...value].slice(0, prefixLen).join("");
  return `${prefix}****(${len})`;
}

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
var PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
function displayName(name) {
  if (PLAIN_NAME.test(name)) return name;
  const cut = name.search(/[:=\s]/);
  const head = cut < 0 ? name : `${name.slice(0, cut)}\u2026`;
  return `"${visible(head).replace(/"/g, '\\"')}"`;
}
function noWorkflowCommands(text) {
  return text.replace(/^([ \t]*):(?=:)/gm, "$1\\x3a");
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
function scanGlob(input) {
  const { base, glob } = import_micromatch.default.scan(input);
  return { base, glob };
}
var cache = /* @__PURE__ */ new Map();
function globMatcher(glob, opts = {}) {
  const key2 = `${opts.nocase ? "i" : "-"}${opts.dot ? "d" : "-"}${glob}`;
  let m = cache.get(key2);
  if (!m) {
    if (cache.size >= 1e3) cache.clear();
    cache.set(key2, m = compile(glob, opts));
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
  const key2 = opts ?? NO_OPTS;
  let c = caches.get(key2);
  if (!c) {
    c = /* @__PURE__ */ new Map();
    caches.set(key2, c);
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
function matching(s, open2, o, c) {
  let depth = 0;
  for (let i = open2; i < s.length; i++) {
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
      const published = PUBLISHED_KEYS.find(([, key2]) => value.includes(key2))?.[0];
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

// src/classify/redact.ts
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
var FRAGMENT = 8;
function fragments(text, secret, into) {
  if (secret.length < FRAGMENT || text.length < FRAGMENT) return;
  for (let i = 0; i + FRAGMENT <= text.length; i++) {
    if (secret.includes(text.slice(i, i + FRAGMENT))) into.push({ start: i, end: i + FRAGMENT });
  }
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
function redactName(name, secrets, file = EMPTY_INDEX) {
  const spans = [];
  for (const s of secrets) fragments(name, s, spans);
  file.spansIn(name, spans);
  return maskSpans(name, spans);
}
function redact(text, secrets = [], file = EMPTY_INDEX) {
  if (text.length === 0) return text;
  if (secrets.includes(text) || file.has(text)) return mask(text);
  const spans = [];
  for (const s of secrets) {
    if (s.length === 0) continue;
    occurrences(text, s, spans);
    fragments(text, s, spans);
  }
  file.spansIn(text, spans);
  for (const t of scanText(text)) spans.push(t);
  for (const a of scanAssignments2(text)) spans.push(a);
  randomWords(text, spans);
  return maskSpans(text, spans);
}

// src/text/location.ts
function fromRange0(r) {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}
function span(line, column, length) {
  return { line, column, endLine: line, endColumn: column + length };
}
function locateInSegments(segments2, start, end, sep5 = " ") {
  let offset = 0;
  for (const s of segments2) {
    const segEnd = offset + s.text.length;
    if (start >= offset && start <= segEnd) {
      const col = s.column + (start - offset);
      const stop = Math.min(end, segEnd);
      return span(s.line, col, Math.max(1, stop - start));
    }
    offset = segEnd + sep5.length;
  }
  return null;
}
function dropPrefix(segments2, offset, sep5 = " ") {
  const out = [];
  let pos = 0;
  for (const s of segments2) {
    const end = pos + s.text.length;
    if (end <= offset) {
      pos = end + sep5.length;
      continue;
    }
    const skip = Math.max(0, offset - pos);
    const text = s.text.slice(skip);
    const lead = text.length - text.trimStart().length;
    if (text.trim() !== "") out.push({ text: text.slice(lead), line: s.line, column: s.column + skip + lead });
    pos = end + sep5.length;
  }
  return out;
}
function joinSegments(segments2, sep5 = " ") {
  return segments2.map((s) => s.text).join(sep5);
}
var LineIndex = class {
  constructor(text) {
    this.text = text;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  text;
  starts = [0];
  linePos(offset) {
    const off = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: off - this.starts[lo] + 1 };
  }
  /** Location of the offsets [start, end). */
  loc(start, end) {
    const a = this.linePos(start);
    const b = this.linePos(end);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }
};

// src/util/article.ts
var VOWEL_LETTER_NAMES = /* @__PURE__ */ new Set([..."aefhilmnorsx"]);
var YOU_SOUNDS = /^(uni|use|usu|ura|uti|eu|one\b|once)/i;
function indefiniteArticle(phrase) {
  const word = phrase.trim().split(/[\s_/-]/)[0] ?? "";
  if (word === "") return "a";
  if (/^\d/.test(word)) return /^(8|11|18)(?!\d)|^8\d*/.test(word) ? "an" : "a";
  const acronym = /^[A-Z][A-Z0-9]+$/.test(word) || !/[aeiouy]/i.test(word.slice(0, 3));
  if (acronym) return VOWEL_LETTER_NAMES.has(word[0].toLowerCase()) ? "an" : "a";
  if (YOU_SOUNDS.test(word)) return "a";
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

// src/engine/config.ts
var DEFAULT_CONFIG = {
  rules: {},
  classify: {},
  trustedProxies: [],
  ignore: [],
  failLevel: "warning",
  source: null
};
var ConfigError = class extends Error {
  constructor(file, line, message) {
    super(message);
    this.file = file;
    this.line = line;
  }
  file;
  line;
};
var LEVELS = ["off", "info", "warning", "error"];
function isObj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function resolveConfig(raw, file, knownRules, pos = { lineOf: () => 1 }) {
  const fail = (path11, msg) => {
    throw new ConfigError(file, pos.lineOf(path11), `${path11.join(".") || "(root)"}: ${msg}`);
  };
  if (raw === null || raw === void 0) return { ...DEFAULT_CONFIG, source: file };
  if (!isObj(raw)) fail([], "the configuration must be a mapping");
  const cfg = raw;
  const out = { ...DEFAULT_CONFIG, rules: {}, classify: {}, source: file };
  const allowedTop = /* @__PURE__ */ new Set(["rules", "secrets", "go", "ignore", "fail-level"]);
  for (const k of Object.keys(cfg)) if (!allowedTop.has(k)) fail([k], `unknown key (expected one of ${[...allowedTop].join(", ")})`);
  const stringList = (path11, v) => {
    if (v === void 0 || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x === ""))
      fail(path11, "must be a list of non-empty strings");
    return v;
  };
  const globList = (path11, list, opts, onlyGlobs = false) => {
    list.forEach((g, i) => {
      if (onlyGlobs && !isGlob(g)) return;
      try {
        globMatcher(g, opts);
      } catch (e) {
        if (e instanceof GlobError) fail([...path11, i], e.message);
        throw e;
      }
    });
    return list;
  };
  if (cfg.rules !== void 0 && cfg.rules !== null) {
    if (!isObj(cfg.rules)) fail(["rules"], "must be a mapping of rule id to a level or { severity, options }");
    for (const [id2, v] of Object.entries(cfg.rules)) {
      if (!knownRules.has(id2)) fail(["rules", id2], `unknown rule "${id2}" (godock rules lists them)`);
      if (typeof v === "string") {
        if (!LEVELS.includes(v)) fail(["rules", id2], `must be one of ${LEVELS.join(", ")}`);
        out.rules[id2] = { severity: v };
      } else if (isObj(v)) {
        for (const k of Object.keys(v)) if (k !== "severity" && k !== "options") fail(["rules", id2, k], "unknown key (expected severity or options)");
        const rc = {};
        if (v.severity !== void 0) {
          if (typeof v.severity !== "string" || !LEVELS.includes(v.severity))
            fail(["rules", id2, "severity"], `must be one of ${LEVELS.join(", ")}`);
          rc.severity = v.severity;
        }
        if (v.options !== void 0) {
          if (!isObj(v.options)) fail(["rules", id2, "options"], "must be a mapping");
          rc.options = v.options;
        }
        out.rules[id2] = rc;
      } else fail(["rules", id2], `must be one of ${LEVELS.join(", ")} or { severity, options }`);
    }
  }
  if (cfg.secrets !== void 0 && cfg.secrets !== null) {
    if (!isObj(cfg.secrets)) fail(["secrets"], "must be a mapping");
    const s = cfg.secrets;
    for (const k of Object.keys(s))
      if (!["extra-words", "extra-suffixes", "allow-names"].includes(k))
        fail(["secrets", k], "unknown key (expected extra-words, extra-suffixes or allow-names)");
    const words = stringList(["secrets", "extra-words"], s["extra-words"]).map((w) => w.toLowerCase());
    const suffixes = stringList(["secrets", "extra-suffixes"], s["extra-suffixes"]);
    const allow = globList(["secrets", "allow-names"], stringList(["secrets", "allow-names"], s["allow-names"]), { nocase: true }, true);
    const suffixWords = suffixes.map((x) => x.replace(/^[_.-]+/, "").toLowerCase()).filter(Boolean);
    if (words.length || suffixWords.length) out.classify.extraWords = [...words, ...suffixWords];
    if (allow.length) out.classify.allowNames = allow;
  }
  if (cfg.go !== void 0 && cfg.go !== null) {
    if (!isObj(cfg.go)) fail(["go"], "must be a mapping");
    const g = cfg.go;
    for (const k of Object.keys(g)) if (k !== "trusted-proxies") fail(["go", k], "unknown key (expected trusted-proxies)");
    out.trustedProxies = stringList(["go", "trusted-proxies"], g["trusted-proxies"]);
  }
  out.ignore = globList(["ignore"], stringList(["ignore"], cfg.ignore), { dot: true });
  if (cfg["fail-level"] !== void 0) {
    const f = cfg["fail-level"];
    if (f !== "info" && f !== "warning" && f !== "error") fail(["fail-level"], "must be one of info, warning, error");
    out.failLevel = f;
  }
  return out;
}

// src/engine/suppress.ts
function isSuppressed(f, rule, suppressions2) {
  for (const s of suppressions2) {
    if (!matches(s, rule)) continue;
    if (s.file) return true;
    if (f.loc.line >= s.startLine && f.loc.line <= s.endLine) return true;
  }
  return false;
}
function matches(s, rule) {
  if (s.ruleIds === "*") return s.source === "godock" || (rule.aliases?.length ?? 0) > 0;
  if (s.source === "godock") return s.ruleIds.includes(rule.id);
  return (rule.aliases ?? []).some((a) => s.ruleIds.some((id2) => id2.toLowerCase() === a.toLowerCase()));
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
function forgetDerived(model) {
  facts.delete(model);
}

// src/engine/run.ts
function renderMessage(template, data) {
  return template.replace(/\{\{\s*(a\s+)?(\w+)\s*\}\}/g, (whole, article, key2) => {
    const v = data?.[key2];
    if (v === void 0) return whole;
    return article ? `${indefiniteArticle(String(v))} ${v}` : String(v);
  });
}
function lintModel(model, rules2, config = DEFAULT_CONFIG) {
  const findings = [];
  const errors = [];
  const seen = /* @__PURE__ */ new Set();
  forgetDerived(model);
  let fileSecrets = null;
  const secretsOfFile = () => fileSecrets ??= new SecretIndex(secretsIn(model, config.classify));
  for (const rule of rules2) {
    if (rule.formats && !rule.formats.includes(model.format)) continue;
    const rc = config.rules[rule.id];
    const configured = rc?.severity;
    if (configured === "off") continue;
    const ctx = {
      classify: config.classify,
      trustedProxies: config.trustedProxies,
      options: { ...rule.defaultOptions ?? {}, ...rc?.options ?? {} },
      report(r) {
        const template = rule.messages[r.messageId];
        if (template === void 0) throw new Error(`rule ${rule.id} reported unknown messageId ${r.messageId}`);
        const message = renderMessage(template, maskData(r, secretsOfFile));
        const f = {
          ruleId: rule.id,
          category: rule.category,
          severity: configured ?? r.severity ?? rule.severity,
          file: model.path,
          loc: r.loc,
          messageId: r.messageId,
          message
        };
        const key2 = `${rule.id}\0${r.loc.line}\0${r.loc.column}\0${message}`;
        if (seen.has(key2) || isSuppressed(f, rule, model.suppressions)) return;
        seen.add(key2);
        findings.push(f);
      }
    };
    try {
      rule.check(model, ctx);
    } catch (e) {
      errors.push({ message: `internal error in rule ${rule.id}: ${e.message}`, line: 1, column: 1 });
    }
  }
  forgetDerived(model);
  findings.sort((a, b) => a.loc.line - b.loc.line || a.loc.column - b.loc.column || a.ruleId.localeCompare(b.ruleId));
  return { findings, errors };
}
var NAME_KEYS = /* @__PURE__ */ new Set(["name", "arg", "key", "meant", "id"]);
function maskData(r, secretsOfFile) {
  if (!r.data) return r.data;
  const secrets = r.secrets ?? [];
  const out = {};
  for (const [k, v] of Object.entries(r.data)) {
    if (typeof v !== "string") out[k] = v;
    else if (r.plain?.includes(k)) out[k] = visible(v);
    else if (NAME_KEYS.has(k)) out[k] = displayName(redactName(v, secrets, secretsOfFile()));
    else out[k] = visible(redact(v, secrets, secretsOfFile()));
  }
  return out;
}
function secretsIn(model, opts) {
  const out = /* @__PURE__ */ new Set();
  const tokens = (text) => {
    for (const t of scanText(text)) out.add(t.text);
  };
  for (const a of model.assignments) {
    tokens(a.name);
    if (!a.value) continue;
    const c = classify(a.name, a.value, opts);
    if (c.secret) out.add(c.secretText ?? a.value);
    tokens(a.value);
  }
  for (const r of model.runs) {
    tokens(joinSegments(r.segments));
    for (const h of r.heredocs) tokens(joinSegments(h.segments));
  }
  for (const c of model.copies) for (const h of c.heredocs) tokens(joinSegments(h.segments));
  for (const c of model.commands) tokens(joinSegments(c.segments));
  return [...out];
}
var RANK = { info: 0, warning: 1, error: 2 };
function atLeast(s, threshold) {
  return RANK[s] >= RANK[threshold];
}

// src/report/ansi.ts
var wrap = (open2, close) => (s) => `\x1B[${open2}m${s}\x1B[${close}m`;
var id = (s) => s;
function paint(color) {
  if (!color) return { red: id, yellow: id, blue: id, dim: id, bold: id, underline: id };
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}

// src/report/flatten.ts
var path = __toESM(require("node:path"));
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortedFindings(result) {
  return result.files.flatMap((f) => f.findings).sort(
    (a, b) => compareText(a.file, b.file) || a.loc.line - b.loc.line || a.loc.column - b.loc.column || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message)
  );
}
function sortedErrors(result) {
  return result.files.flatMap((f) => f.errors.map((e) => ({ file: f.file, ...e }))).sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message));
}
function countBySeverity(findings) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
var SEVERITY_RANK = { error: 2, warning: 1, info: 0 };
function relativeTo(root, file) {
  const rel = path.relative(root, path.resolve(root, file));
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join("/");
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/report/stylish.ts
var byPosition = (a, b) => a.line - b.line || a.column - b.column;
var stylish = (result, ctx) => {
  const p = paint(ctx.color);
  const sevPaint = { error: p.red, warning: p.yellow, info: p.blue };
  const counts = { error: 0, warning: 0, info: 0 };
  const out = [];
  for (const file of result.files) {
    const items = [
      ...file.errors.map((e) => ({ line: e.line, column: e.column, row: { pos: `${e.line}:${e.column}`, severity: "error", message: e.message, rule: "parse-error" } })),
      ...file.findings.map((f) => ({ line: f.loc.line, column: f.loc.column, row: { pos: `${f.loc.line}:${f.loc.column}`, severity: f.severity, message: f.message, rule: f.ruleId } }))
    ].sort(byPosition);
    if (items.length === 0) continue;
    const rows = items.map((i) => ({ ...i.row, message: visible(i.row.message.replace(/\s*\n\s*/g, " ")) }));
    const posW = Math.max(...rows.map((r) => r.pos.length));
    const sevW = Math.max(...rows.map((r) => r.severity.length));
    const msgW = Math.max(...rows.map((r) => r.message.length));
    out.push(p.underline(visible(file.file)));
    for (const r of rows) {
      counts[r.severity]++;
      out.push(`  ${p.dim(r.pos.padEnd(posW))}  ${sevPaint[r.severity](r.severity.padEnd(sevW))}  ${r.message.padEnd(Math.min(msgW, 100))}  ${p.dim(r.rule)}`.trimEnd());
    }
    out.push("");
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return "";
  const summary = `\u2716 ${plural(total, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "info")})`;
  const colour = counts.error > 0 ? p.red : counts.warning > 0 ? p.yellow : p.blue;
  out.push(colour(p.bold(summary)));
  return noWorkflowCommands(`${out.join("\n")}
`);
};

// src/report/json.ts
function toJsonReport(result) {
  return {
    version: 1,
    findings: sortedFindings(result).map((f) => ({
      file: f.file,
      line: f.loc.line,
      column: f.loc.column,
      endLine: f.loc.endLine,
      endColumn: f.loc.endColumn,
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message
    })),
    errors: sortedErrors(result).map((e) => ({ file: e.file, line: e.line, column: e.column, message: e.message }))
  };
}
var json = (result) => `${JSON.stringify(toJsonReport(result), null, 2)}
`;

// src/report/sarif.ts
var import_node_url = require("node:url");
var path3 = __toESM(require("node:path"));

// src/engine/define-rule.ts
var REPO_URL = "https://github.com/godock/godock";
function docsUrlFor(id2) {
  return `${REPO_URL}/blob/main/rules/${id2}.md`;
}
function defineRule(def) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(def.id)) throw new Error(`rule id must be kebab-case: ${def.id}`);
  return { ...def, docsUrl: docsUrlFor(def.id), docPath: `rules/${def.id}.md` };
}

// src/report/fingerprint.ts
var import_node_crypto = require("node:crypto");
function key(f, file) {
  return [f.ruleId, file, f.messageId, f.message].join("\0");
}
function fingerprints(findings, fileOf = (f) => f.file) {
  const seen = /* @__PURE__ */ new Map();
  return findings.map((f) => {
    const k = key(f, fileOf(f));
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    const hash = (0, import_node_crypto.createHash)("sha256").update(k).digest("hex").slice(0, 16);
    return `${hash}:${n}`;
  });
}

// src/report/rule-docs.ts
var import_node_fs = require("node:fs");
var path2 = __toESM(require("node:path"));

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
function findClose(text, from, open2 = "{", close = "}") {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === open2) depth++;
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
    const command2 = words.slice(i);
    if (command2.length && !(command2.length === 1 && RESERVED_ALONE.has(command2[0].raw))) out.push(command2);
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
function findAssignments(text) {
  const out = [];
  if (!text.includes("=")) return out;
  for (const words of commandWords(text)) analyse(words, out);
  return out;
}
function toAssignment(w, form) {
  const a = assignmentOf(w);
  if (!a) return null;
  const { name, value } = a;
  return {
    name,
    value,
    raw: w.raw.slice(name.length + 1),
    form,
    nameStart: w.start,
    nameEnd: w.start + name.length,
    valueStart: w.start + name.length + 1,
    valueEnd: w.end
  };
}
function analyse(words, out) {
  let i = 0;
  const prefix = [];
  while (i < words.length) {
    const a = toAssignment(words[i], "prefix");
    if (!a) break;
    prefix.push(a);
    i++;
  }
  const rest = words.slice(i);
  const bare = rest.length === 0;
  for (const a of prefix) out.push({ ...a, form: bare ? "bare" : "prefix" });
  if (rest.length === 0) return;
  const head = rest[0].value;
  if (DECLARE_COMMANDS.has(head)) {
    for (const w of rest.slice(1)) {
      if (w.value.startsWith("-")) continue;
      const a = toAssignment(w, "export");
      if (a) out.push(a);
    }
    return;
  }
  if (isGoBinary(head) && rest[1]?.value === "env") {
    const args = rest.slice(2);
    if (args.some((w) => w.value === "-w")) {
      for (const w of args) {
        const a = toAssignment(w, "go-env-w");
        if (a) out.push(a);
      }
    }
  }
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
  let dir = path2.resolve(start);
  let found = null;
  for (; ; ) {
    const pj = path2.join(dir, "package.json");
    if ((0, import_node_fs.existsSync)(pj)) {
      try {
        if (JSON.parse((0, import_node_fs.readFileSync)(pj, "utf8")).name === "godock") {
          found = dir;
          break;
        }
      } catch {
      }
    }
    const up = path2.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (start === __dirname) cachedRoot = found;
  return found;
}
function readRuleDoc(rule, root = packageRoot()) {
  if (!root) return null;
  try {
    return (0, import_node_fs.readFileSync)(path2.join(root, rule.docPath), "utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  } catch {
    return null;
  }
}
function paragraphs(markdown) {
  const prose = markdown.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, "");
  const out = [];
  for (const block of prose.split(/\n\s*\n/)) {
    const lines = block.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    const first = lines[0];
    if (first === void 0 || /^(#|[-*+] |\d+\. |\||>|<)/.test(first)) continue;
    out.push(lines.join(" "));
  }
  return out;
}
function fullDescription(rule, doc, max = 1024) {
  const paras = doc ? paragraphs(doc) : [];
  const norm = (s) => s.replace(/[.\s]+$/, "").toLowerCase();
  const extra = paras.find((p) => norm(p) !== norm(rule.description));
  const text = extra ? `${rule.description.replace(/\.?$/, ".")} ${extra}` : rule.description;
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
var ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*("[^"\n]*"|'[^'\n]*'|[^\s"'`]+)/g;
function maskLine(line) {
  const secrets = scanCommand(line).map((t) => t.text);
  for (const m of line.matchAll(ASSIGNMENT)) {
    const value = m[2].replace(/^(["'])(.*)\1$/, "$2");
    const c = classify(m[1], value);
    if (c.secret) secrets.push(c.secretText ?? value);
  }
  return redact(line, secrets);
}
function maskDocSecrets(doc) {
  let fence = null;
  return doc.split("\n").map((line) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (fence === null || f.startsWith(fence))) {
      fence = fence === null ? f : null;
      return line;
    }
    return fence === null ? line : maskLine(line);
  }).join("\n");
}

// src/report/sarif.ts
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var SRCROOT = "%SRCROOT%";
var LEVEL = { error: "error", warning: "warning", info: "note" };
var SECURITY_SEVERITY = { error: "8.0", warning: "5.5", info: "3.0" };
function descriptor(rule) {
  const raw = readRuleDoc(rule);
  const doc = raw === null ? null : maskDocSecrets(raw);
  const link3 = `[${rule.id} documentation](${rule.docsUrl})`;
  const tags = [.../* @__PURE__ */ new Set([...rule.tags ?? [], rule.category, ...rule.category === "secret" ? ["security"] : []])].slice(0, 20);
  const properties = { tags, category: rule.category };
  if (rule.category === "secret") properties["security-severity"] = SECURITY_SEVERITY[rule.severity];
  else properties["problem.severity"] = rule.severity === "info" ? "recommendation" : rule.severity;
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: fullDescription(rule, doc) },
    help: {
      text: doc ? doc.trim() : `${rule.description}

See ${rule.docsUrl}`,
      markdown: doc ? `${doc.trim()}

${link3}` : `${rule.description}

${link3}`
    },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties
  };
}
function unknownRule(f) {
  return { id: f.ruleId, category: f.category, severity: f.severity, description: f.ruleId, docsUrl: `${REPO_URL}/blob/main/rules/${f.ruleId}.md`, docPath: `rules/${f.ruleId}.md` };
}
function encodePath(rel) {
  return rel.split("/").map(encodeURIComponent).join("/");
}
function artifactLocation(file, cwd) {
  const rel = relativeTo(cwd, file);
  if (rel !== null) return { uri: encodePath(rel), uriBaseId: SRCROOT };
  return { uri: (0, import_node_url.pathToFileURL)(path3.resolve(cwd, file)).href };
}
function region(loc) {
  const r = { startLine: loc.line, startColumn: loc.column };
  if (loc.endLine >= loc.line) r.endLine = loc.endLine;
  if (loc.endColumn >= 1 && (loc.endLine > loc.line || loc.endColumn > loc.column)) r.endColumn = loc.endColumn;
  return r;
}
function toSarif(result, ctx) {
  const findings = sortedFindings(result);
  const errors = sortedErrors(result);
  const metas = [...ctx.rules];
  const index = new Map(metas.map((r, i) => [r.id, i]));
  for (const f of findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, metas.length);
      metas.push(unknownRule(f));
    }
  }
  const relFile = (f) => relativeTo(ctx.cwd, f.file) ?? f.file;
  const prints = fingerprints(findings, relFile);
  const results = findings.map((f, i) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, ctx.cwd), region: region(f.loc) } }],
    partialFingerprints: { primaryLocationLineHash: prints[i] },
    properties: { category: f.category }
  }));
  const notifications = errors.map((e) => ({
    level: "error",
    message: { text: `${e.file}:${e.line}:${e.column}: ${e.message}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.file, ctx.cwd), region: { startLine: Math.max(1, e.line), startColumn: Math.max(1, e.column) } } }]
  }));
  const root = (0, import_node_url.pathToFileURL)(path3.resolve(ctx.cwd)).href;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "godock",
            semanticVersion: ctx.version,
            version: ctx.version,
            informationUri: REPO_URL,
            rules: metas.map(descriptor)
          }
        },
        invocations: [{ executionSuccessful: errors.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith("/") ? root : `${root}/` } },
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
}
var sarif = (result, ctx) => `${JSON.stringify(toSarif(result, ctx), null, 2)}
`;

// src/report/github.ts
var ANNOTATION_LEVEL = { error: "error", warning: "warning", info: "notice" };
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function command(level, message, props = {}) {
  const parts = Object.entries(props).filter(([, v]) => v !== void 0 && v !== "").map(([k, v]) => `${k}=${escapeProperty(safe(String(v)))}`);
  return `::${level}${parts.length ? ` ${parts.join(",")}` : ""}::${escapeData(safe(message))}`;
}
function safe(s) {
  return s.split(/(\r|\n)/).map((part) => part === "\r" || part === "\n" ? part : visible(part)).join("");
}
function fileFor(file, cwd) {
  return relativeTo(cwd, file) ?? file;
}
function findingAnnotation(f, cwd) {
  const single = f.loc.endLine === f.loc.line;
  return command(ANNOTATION_LEVEL[f.severity], f.message, {
    file: fileFor(f.file, cwd),
    line: f.loc.line,
    endLine: f.loc.endLine,
    col: single ? f.loc.column : void 0,
    endColumn: single ? f.loc.endColumn : void 0,
    title: `godock ${f.ruleId}`
  });
}
function errorAnnotation(e, cwd) {
  return command("error", e.message, { file: fileFor(e.file, cwd), line: Math.max(1, e.line), col: Math.max(1, e.column), title: "godock parse error" });
}
var github = (result, ctx) => {
  const lines = [
    ...sortedErrors(result).map((e) => errorAnnotation(e, ctx.cwd)),
    ...sortedFindings(result).map((f) => findingAnnotation(f, ctx.cwd))
  ];
  return lines.length ? `${lines.join("\n")}
` : "";
};
var STEP_ANNOTATION_LIMIT = 10;
function limitedAnnotations(result, cwd, limit = STEP_ANNOTATION_LIMIT) {
  const items = [
    ...sortedErrors(result).map((e) => ({ level: "error", text: errorAnnotation(e, cwd) })),
    ...["error", "warning", "info"].flatMap(
      (sev) => sortedFindings(result).filter((f) => f.severity === sev).map((f) => ({ level: ANNOTATION_LEVEL[sev], text: findingAnnotation(f, cwd) }))
    )
  ];
  const total = { error: 0, warning: 0, notice: 0 };
  for (const i of items) total[i.level]++;
  const overflow = total.error > limit || total.warning > limit || total.notice > limit;
  const budget = { error: limit, warning: limit, notice: overflow ? limit - 1 : limit };
  const lines = [];
  for (const i of items) {
    if (budget[i.level] <= 0) continue;
    budget[i.level]--;
    lines.push(i.text);
  }
  const omitted = items.length - lines.length;
  if (omitted > 0)
    lines.push(
      command(
        "notice",
        `${omitted} more godock ${omitted === 1 ? "problem is" : "problems are"} not annotated (GitHub shows at most ${limit} errors, ${limit} warnings and ${limit} notices per step): see the job summary, the step log or the SARIF report.`,
        { title: "godock: more problems" }
      )
    );
  return { lines, omitted };
}

// src/report/checkstyle.ts
function xmlEscape(s) {
  return s.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
var checkstyle = (result) => {
  const byFile = /* @__PURE__ */ new Map();
  const add = (file, item) => {
    const list = byFile.get(file) ?? [];
    list.push(item);
    byFile.set(file, list);
  };
  for (const e of sortedErrors(result)) add(e.file, { line: e.line, column: e.column, severity: "error", message: e.message, source: "godock.parse-error" });
  for (const f of sortedFindings(result)) add(f.file, { line: f.loc.line, column: f.loc.column, severity: f.severity, message: f.message, source: `godock.${f.ruleId}` });
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const file of [...byFile.keys()].sort()) {
    out.push(`  <file name="${xmlEscape(file)}">`);
    const items = byFile.get(file).sort((a, b) => a.line - b.line || a.column - b.column);
    for (const i of items)
      out.push(`    <error line="${i.line}" column="${i.column}" severity="${i.severity}" message="${xmlEscape(i.message)}" source="${xmlEscape(i.source)}" />`);
    out.push("  </file>");
  }
  out.push("</checkstyle>");
  return `${out.join("\n")}
`;
};

// src/report/codeclimate.ts
var import_node_crypto2 = require("node:crypto");
function severityOf(f) {
  if (f.severity === "error") return f.category === "secret" ? "critical" : "major";
  return f.severity === "warning" ? "minor" : "info";
}
var CATEGORY = { secret: "Security", "go-env": "Bug Risk", compose: "Bug Risk" };
var md5 = (s) => (0, import_node_crypto2.createHash)("md5").update(s).digest("hex");
var codeclimate = (result, ctx) => {
  const rel = (file) => relativeTo(ctx.cwd, file) ?? file;
  const findings = sortedFindings(result);
  const prints = fingerprints(findings, (f) => rel(f.file));
  const issues = [
    ...sortedErrors(result).map(
      (e) => ({
        type: "issue",
        check_name: "godock/parse-error",
        description: e.message,
        categories: ["Bug Risk"],
        severity: "blocker",
        fingerprint: md5(["parse-error", rel(e.file), e.message].join("\0")),
        location: { path: rel(e.file), lines: { begin: Math.max(1, e.line), end: Math.max(1, e.line) } }
      })
    ),
    ...findings.map(
      (f, i) => ({
        type: "issue",
        check_name: f.ruleId,
        description: f.message,
        categories: [CATEGORY[f.category] ?? "Style"],
        severity: severityOf(f),
        fingerprint: md5(prints[i]),
        location: { path: rel(f.file), lines: { begin: f.loc.line, end: Math.max(f.loc.line, f.loc.endLine) } }
      })
    )
  ];
  return `${JSON.stringify(issues, null, 2)}
`;
};

// src/report/index.ts
var formatters = { stylish, json, sarif, github, checkstyle, codeclimate };
var FORMAT_NAMES = Object.keys(formatters);
function isFormatName(name) {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}

// src/report/summary.ts
var ICON = { error: "\u{1F534} error", warning: "\u{1F7E1} warning", info: "\u{1F535} info" };
function escapeCell(s) {
  return visible(s.replace(/\s*[\r\n]+\s*/g, " ")).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_{}[\]()!|~]/g, "\\$&").replace(/:\/\//g, ":/&#8203;/").replace(/www\./gi, (w) => `${w.slice(0, 3)}&#8203;.`).replace(/@/g, "@&#8203;");
}
function codeCell(s) {
  return visible(s.replace(/\s*[\r\n]+\s*/g, " ")).replace(/`/g, "'").replace(/\|/g, "\\|");
}
function jobSummary(result, opts) {
  const maxRows = opts.maxRows ?? 200;
  const findings = sortedFindings(result).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const errors = sortedErrors(result);
  const c = countBySeverity(findings);
  const docs = new Map(opts.rules.map((r) => [r.id, r.docsUrl]));
  const out = ["## godock", ""];
  for (const n of opts.notes ?? []) out.push(`> ${escapeCell(n)}`, "");
  const files = plural(result.files.length, "file");
  if (findings.length === 0 && errors.length === 0) {
    out.push(`\u2705 No problems found in ${files}.`, "");
    return `${out.join("\n")}
`;
  }
  out.push(
    `**${plural(findings.length, "finding")}** (${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.info, "info")}) in ${files}` + (errors.length ? ` \xB7 **${plural(errors.length, "file error")}** (not fully linted)` : ""),
    ""
  );
  if (errors.length) {
    out.push("| File | Line | Problem |", "| --- | --- | --- |");
    for (const e of errors.slice(0, maxRows)) out.push(`| \`${codeCell(e.file)}\` | ${e.line} | ${escapeCell(e.message)} |`);
    if (errors.length > maxRows) out.push(`| \u2026 | | ${errors.length - maxRows} more |`);
    out.push("");
  }
  if (findings.length) {
    out.push("| Severity | Location | Rule | Message |", "| --- | --- | --- | --- |");
    for (const f of findings.slice(0, maxRows)) {
      const url = docs.get(f.ruleId);
      const rule = url ? `[${escapeCell(f.ruleId)}](${url})` : escapeCell(f.ruleId);
      out.push(`| ${ICON[f.severity]} | \`${codeCell(f.file)}:${f.loc.line}:${f.loc.column}\` | ${rule} | ${escapeCell(f.message)} |`);
    }
    if (findings.length > maxRows) out.push("", `\u2026and ${findings.length - maxRows} more findings (see the step log or the SARIF report).`);
    out.push("");
  }
  return `${out.join("\n")}
`;
}

// src/text/interpolation.ts
var NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
var BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;
var EMPTY_VARS = /* @__PURE__ */ new Map();
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
function resolveComposeStatic(value) {
  return expand(value, EMPTY_VARS, "$");
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
function golangImageStart(windows) {
  return windows ? { vars: [["GOPATH", GOLANG_IMAGE.windows.gopath]], workdir: GOLANG_IMAGE.windows.gopath } : { vars: [["GOPATH", GOLANG_IMAGE.linux.gopath], ["GOTOOLCHAIN", GOLANG_IMAGE.linux.toolchain]], workdir: GOLANG_IMAGE.linux.gopath };
}
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
  const sep5 = c.includes("\\") || p.includes("\\") ? "\\" : "/";
  const prefix = p.endsWith(sep5) ? p : p + sep5;
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
  const envFor = (key2, scope) => {
    let e = envs.get(key2);
    if (!e) {
      const parent = scope?.parent !== void 0 ? envs.get(scope.parent) : void 0;
      e = parent ? new Map(parent) : imageDefaults(scope);
      envs.set(key2, e);
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
    const key2 = a.scope ?? (model.format === "env-file" ? `env:${scope?.name ?? ""}` : "");
    const env = envFor(key2, scope);
    let argMap = args.get(key2);
    if (!argMap) args.set(key2, argMap = /* @__PURE__ */ new Map());
    const am = argMap;
    const vars = am.size ? { has: (k) => env.has(k) || am.has(k), get: (k) => env.has(k) ? env.get(k) : am.get(k) } : env;
    const expanded = a.value === null ? null : a.kind === "env-file" || a.kind === "environment" ? a.value : expand(a.value, vars);
    steps.push({ a, scope, key: key2, expanded });
    if (a.viaOnbuild) continue;
    if (PERSISTENT.has(a.kind)) env.set(a.name, expanded);
    else if (a.kind === "arg") argMap.set(a.name, a.value === null ? argMap.get(a.name) ?? null : expanded);
  }
  return steps;
}
function walkEnv(model, visit2 = () => void 0) {
  const { envs, envFor } = envFactory();
  for (const { a, scope, key: key2, expanded } of derived(model, computeSteps)) {
    const env = envFor(key2, scope);
    visit2({ a, scope, env, expanded });
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
    for (const { segments: segments2, sep: sep5, text: script } of runScripts(run3)) {
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
        const loc = locateInSegments(segments2, c.head.start, (g.subWord ?? c.head).end, sep5);
        if (!loc) continue;
        const vars = new Map(persistent);
        setAll(c.assignments, vars);
        out.push({ ...g, run: run3, loc, vars, script, locate: (w) => locateInSegments(segments2, w.start, w.end, sep5) });
        if (g.sub === "env" && g.args.some((w) => w.value === "-w")) setAll(g.args, persistent, true);
      }
    }
  }
  return out;
}

// rules/go-binary-without-goroot.ts
var BINARY = /^(.*?)[\\/]bin(?:[\\/](?:go(?:\.exe)?|\*))?[\\/]?$/;
function binaryRoot(path11, sourceRoots) {
  const m = BINARY.exec(path11.trim());
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
    for (const { segments: segments2, sep: sep5, text } of runScripts(r)) {
      const off = offsetIn(segments2, sep5, a.nameLoc.line, a.nameLoc.column);
      if (off !== null) return { text, offset: off };
    }
  }
  return null;
}
function offsetIn(segments2, sep5, line, column) {
  let offset = 0;
  for (const s of segments2) {
    if (s.line === line && column >= s.column && column <= s.column + s.text.length) return offset + column - s.column;
    offset += s.text.length + sep5.length;
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
  const key2 = fields[0];
  if (KNOWN_SUMDB.has(key2) && key2 !== "sum.golang.google.cn") return null;
  const m = /^([^+\s]+)\+([0-9A-Fa-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(key2);
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
function splitList(value, sep5 = ",") {
  const out = [];
  let pos = 0;
  for (const part of value.split(sep5)) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (text) out.push({ text, start: pos + lead, end: pos + lead + text.length });
    pos += part.length + sep5.length;
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
          const key2 = `${w.name}\0${pattern}`;
          const before2 = seen.get(key2);
          if (before2 !== void 0) ctx.report({ loc, messageId: "repeated", data: { flag: `-${w.name}`, lost: before2 }, severity: "warning" });
          seen.set(key2, v);
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
      const entries2 = splitGoPathList(value, windows);
      const loc = valueOrName(a);
      const reports = [];
      if (entries2.length > 1 && entries2[0] === "") reports.push({ loc, messageId: "emptyFirst", data: { value: JSON.stringify(value) } });
      for (const entry of entries2) {
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
  for (const real2 of GO_ENV_VARS) {
    if (GO_COMPUTED_VARS.has(real2) || !/^C?GO/.test(real2)) continue;
    const d = squeezed === real2.replace(/_/g, "") ? 1 : editDistance(name, real2);
    if (!best || d < best.d) best = { meant: real2, d };
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
          const command2 = [`go ${fetch.sub}`, ...fetch.args.slice(0, 2).map((w) => w.value)].join(" ");
          ctx.report({ loc, messageId: "offFetch", data: { kind, command: command2 }, severity: "error" });
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
      const key2 = a.scope ?? "";
      if (!argsByScope.has(key2)) argsByScope.set(key2, /* @__PURE__ */ new Set());
      const c = a.value ? classify(a.name, a.value, ctx.classify) : null;
      if (c && !c.secret && c.valueKind === "literal") argsByScope.get(key2).delete(a.name);
      else argsByScope.get(key2).add(a.name);
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
function normal(path11) {
  return path11.replace(/\\/g, "/").replace(/(\/\.)+$/, "").replace(/\/+$/, "").toLowerCase();
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

// src/version.ts
var VERSION = true ? "0.1.0" : null.version;

// src/session.ts
var path9 = __toESM(require("node:path"));

// src/lint.ts
var path7 = __toESM(require("node:path"));

// src/discover.ts
var import_node_fs2 = require("node:fs");
var path4 = __toESM(require("node:path"));
var import_ignore = __toESM(require_ignore());

// src/parse/detect.ts
function formatFromName(file) {
  const base = (file.split(/[\\/]/).pop() ?? file).toLowerCase();
  if (/^(docker-)?compose([._-][^/]*)?\.ya?ml$/.test(base)) return "compose";
  if (/^(docker|container)file$/.test(base) || /\.(docker|container)file$/.test(base)) return "dockerfile";
  if (/^(docker|container)file[._-]/.test(base)) {
    if (/\.(md|txt|rst|dockerignore|go|py|js|ts|json|sh|ps1|bak|orig|swp|yml|yaml|toml|lock|sum)$/.test(base)) return null;
    return "dockerfile";
  }
  if (base === ".env" || /^\.env\.[^/]+$/.test(base) || /\.env$/.test(base)) {
    if (/\.(example|sample|template|dist|tmpl)$/.test(base)) return null;
    return "env-file";
  }
  return null;
}
function sniffFormat(text) {
  if (/^\s*(services|version|x-[\w-]+|volumes|networks|include)\s*:/m.test(text)) return "compose";
  if (/^\s*(FROM|ARG)\s+\S/im.test(text)) return "dockerfile";
  if (/^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_.-]*=/m.test(text)) return "env-file";
  return "dockerfile";
}
function isTemplateName(file) {
  const base = (file.split(/[\\/]/).pop() ?? file).toLowerCase();
  return /(?:^|[._-])(?:example|examples|sample|template|tmpl|dist)(?:[._-]|$)/.test(base);
}

// src/discover.ts
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules", ".hg", ".svn"]);
function toPosix(p) {
  return p.split(path4.sep).join("/");
}
function ignoredBy(globs, base, abs) {
  if (globs.length === 0) return false;
  const rel = toPosix(path4.relative(base, abs));
  return globs.some((g) => globMatcher(g, { dot: true })(rel));
}
function hasGlob(p) {
  return isGlob(p);
}
async function discover(inputs, cwd, ignoreGlobs = []) {
  const files = [];
  const errors = [];
  const seen = /* @__PURE__ */ new Set();
  const userIgnored = (abs) => ignoredBy(ignoreGlobs, cwd, abs);
  const add = (d) => {
    if (seen.has(d.abs) || userIgnored(d.abs)) return;
    seen.add(d.abs);
    files.push(d);
  };
  for (const input of inputs) {
    if (hasGlob(input)) {
      const { base, glob } = scanGlob(input);
      const baseAbs = path4.resolve(cwd, base || ".");
      const matcher = globMatcher(glob, { dot: true });
      walk(baseAbs, base || ".", errors, (abs2, display, rel) => {
        if (matcher(rel)) add({ abs: abs2, display, format: formatFromName(abs2), explicit: true });
      }, true);
      continue;
    }
    const abs = path4.resolve(cwd, input);
    let st;
    try {
      st = (0, import_node_fs2.statSync)(abs);
    } catch (e) {
      errors.push({ display: input, message: describeFsError(e, "cannot read") });
      continue;
    }
    if (st.isDirectory()) {
      walk(abs, input, errors, (fileAbs, display) => {
        const format = formatFromName(fileAbs);
        if (format) add({ abs: fileAbs, display, format, explicit: false });
      });
    } else add({ abs, display: input, format: formatFromName(abs), explicit: true });
  }
  return { files, errors };
}
function walk(root, rootDisplay, errors, onFile, allFiles = false) {
  const stack = [{ dir: root, ig: null, igBase: root }];
  while (stack.length) {
    const top = stack.pop();
    const { dir } = top;
    let entries2;
    try {
      entries2 = (0, import_node_fs2.readdirSync)(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ display: joinDisplay(rootDisplay, path4.relative(root, dir)), message: describeFsError(e, "cannot read directory") });
      continue;
    }
    let { ig, igBase } = top;
    const own = entries2.some((e) => e.name === ".gitignore") ? loadGitignore(dir) : null;
    if (own) {
      ig = ig ? combine(ig, igBase, own, dir) : own;
      igBase = dir;
    }
    entries2.sort((a, b) => a.name < b.name ? 1 : a.name > b.name ? -1 : 0);
    const subdirs = [];
    for (const ent of entries2) {
      const abs = path4.join(dir, ent.name);
      const rel = toPosix(path4.relative(root, abs));
      const igRel = ig ? toPosix(path4.relative(igBase, abs)) : "";
      if (ent.isDirectory()) {
        if (SKIP_DIRS.has(ent.name)) continue;
        if (ig && ig.ignores(igRel + "/")) continue;
        subdirs.push(abs);
      } else if (ent.isFile() || ent.isSymbolicLink()) {
        if (ig && ig.ignores(igRel)) continue;
        if (ent.isSymbolicLink()) {
          try {
            if (!(0, import_node_fs2.statSync)(abs).isFile()) continue;
          } catch {
            if (!allFiles && formatFromName(abs)) errors.push({ display: joinDisplay(rootDisplay, rel), message: "broken or looping symbolic link" });
            continue;
          }
        }
        onFile(abs, joinDisplay(rootDisplay, rel), rel);
      }
    }
    for (const sub of subdirs.reverse()) stack.push({ dir: sub, ig, igBase });
  }
}
function combine(parent, parentBase, child, childBase) {
  const prefix = toPosix(path4.relative(parentBase, childBase));
  return {
    ignores: (p) => parent.ignores(`${prefix}/${p}`) || child.ignores(p)
  };
}
function loadGitignore(dir) {
  try {
    return (0, import_ignore.default)().add((0, import_node_fs2.readFileSync)(path4.join(dir, ".gitignore"), "utf8"));
  } catch {
    return null;
  }
}
function joinDisplay(base, rel) {
  if (!rel) return base;
  if (base === "." || base === "./") return rel;
  return `${base.replace(/[\\/]+$/, "")}/${rel}`;
}
function describeFsError(e, what) {
  const code = e.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return `${what}: permission denied`;
    case "ELOOP":
      return `${what}: too many levels of symbolic links`;
    case "EISDIR":
      return `${what}: is a directory`;
    default:
      return `${what}: ${code ?? e.message}`;
  }
}

// src/parse/compose.ts
var import_yaml = __toESM(require_dist());

// src/parse/empty-model.ts
function emptyModel(path11, format) {
  return {
    path: path11,
    format,
    assignments: [],
    scopes: [],
    copies: [],
    workdirs: [],
    runs: [],
    commands: [],
    users: [],
    envFiles: [],
    suppressions: [],
    errors: []
  };
}

// src/parse/pragma.ts
function parsePragma(comment) {
  const text = comment.trim();
  let m = /^godock-ignore(-file)?(?:\s+(.*))?$/.exec(text);
  if (m) {
    const file = m[1] === "-file";
    let rest = (m[2] ?? "").trim();
    let reason2;
    const dash = rest.indexOf("--");
    if (dash >= 0) {
      reason2 = rest.slice(dash + 2).trim() || void 0;
      rest = rest.slice(0, dash).trim();
    }
    const ids = rest.split(/[\s,]+/).filter(Boolean);
    const out = {
      ruleIds: ids.length ? ids : "*",
      file,
      source: "godock"
    };
    if (reason2) out.reason = reason2;
    return out;
  }
  m = /^hadolint\s+ignore\s*=\s*([A-Za-z0-9_,\s-]+)$/.exec(text);
  if (m) return { ruleIds: m[1].split(/[\s,]+/).filter(Boolean), file: false, source: "hadolint" };
  m = /^check\s*=\s*(.*)$/.exec(text);
  if (m) {
    const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/.exec(m[1]);
    if (!skip) return null;
    const ids = skip[1].split(",").map((s) => s.trim()).filter(Boolean);
    return { ruleIds: ids.some((s) => s.toLowerCase() === "all") ? "*" : ids, file: true, source: "buildkit" };
  }
  return null;
}

// src/parse/line-suppressions.ts
function lineSuppressions(comments, contentLines, extent = (l) => l) {
  const out = [];
  for (const c of comments) {
    const p = parsePragma(c.text);
    if (!p) continue;
    const next = contentLines.find((l) => l > c.line);
    const start = next ?? c.line + 1;
    const s = {
      ruleIds: p.ruleIds,
      startLine: start,
      endLine: next === void 0 ? start : Math.max(start, extent(start)),
      file: p.file,
      source: p.source,
      line: c.line
    };
    if (p.reason) s.reason = p.reason;
    out.push(s);
  }
  return out;
}

// src/parse/compose.ts
var MAX_ALIAS_COUNT = 1e4;
var WALK_BUDGET = 2e5;
var NOT_A_MAPPING = "compose file must be a mapping of top-level keys such as services:";
var ALIAS_BOMB = "too many YAML alias expansions (possible alias bomb); file not expanded";
var TOP_LEVEL = /* @__PURE__ */ new Set(["version", "services", "networks", "volumes", "secrets", "configs", "include", "name", "models"]);
var SERVICE_KEYS = /* @__PURE__ */ new Set([
  "image",
  "build",
  "environment",
  "env_file",
  "command",
  "entrypoint",
  "ports",
  "volumes",
  "links",
  "depends_on",
  "container_name",
  "restart",
  "expose",
  "labels",
  "extends",
  "working_dir",
  "user"
]);
var COMPOSE_TAGS = ["!reset", "!override"].flatMap((tag) => [
  { tag, resolve: (s) => s },
  { tag, collection: "map", resolve: (c) => c },
  { tag, collection: "seq", resolve: (c) => c }
]);
var BudgetExceeded = class extends Error {
};
function parseCompose(path11, text) {
  const model = emptyModel(path11, "compose");
  const lc = new LineIndex(text);
  const ctx = {
    text,
    lc,
    anchors: /* @__PURE__ */ new Map(),
    budget: WALK_BUDGET,
    groups: /* @__PURE__ */ new Map(),
    byNode: /* @__PURE__ */ new Map(),
    envFiles: /* @__PURE__ */ new Map(),
    path: path11
  };
  try {
    const doc = (0, import_yaml.parseDocument)(text, {
      merge: true,
      uniqueKeys: true,
      customTags: COMPOSE_TAGS,
      prettyErrors: false,
      // The library would print its warnings (quoting keys) straight to stderr.
      logLevel: "error"
    });
    for (const e of doc.errors) model.errors.push(errorAt(lc, yamlReason(e.message), e.pos[0]));
    const root = doc.contents;
    if (root !== null && !(0, import_yaml.isMap)(root)) {
      model.errors.push(errorAt(lc, NOT_A_MAPPING, root.range?.[0] ?? 0));
    } else if (root !== null) {
      if (model.errors.length === 0 && (text.includes("*") || text.includes("<<"))) {
        try {
          doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        } catch (e) {
          const msg = e.message;
          model.errors.push(errorAt(lc, /alias count/i.test(msg) ? ALIAS_BOMB : yamlReason(msg), firstAliasOffset(doc)));
          if (/alias count/i.test(msg)) return finish(model, ctx);
        }
      }
      if (text.includes("&")) {
        (0, import_yaml.visit)(doc, {
          Node(_, n) {
            if (((0, import_yaml.isScalar)(n) || (0, import_yaml.isCollection)(n)) && n.anchor && n.range) {
              const list = ctx.anchors.get(n.anchor) ?? [];
              list.push(n);
              ctx.anchors.set(n.anchor, list);
            }
          }
        });
      }
      walk2(ctx, root, model);
    }
  } catch (e) {
    if (e instanceof BudgetExceeded) model.errors.push({ message: ALIAS_BOMB, line: 1, column: 1 });
    else model.errors.push({ message: `could not read compose file: ${yamlReason(e.message)}`, line: 1, column: 1 });
  }
  return finish(model, ctx);
}
function finish(model, ctx) {
  model.assignments = [...ctx.byNode.values()].sort(
    (a, b) => a.nameLoc.line - b.nameLoc.line || a.nameLoc.column - b.nameLoc.column
  );
  model.envFiles = [...ctx.envFiles.values()];
  model.suppressions = suppressions(ctx.text, model.assignments);
  return model;
}
function walk2(ctx, root, model) {
  const top = entries(ctx, root);
  const servicesEntry = top.find((e) => e.key === "services");
  let services;
  if (servicesEntry) {
    services = entries(ctx, servicesEntry.value);
  } else {
    services = top.filter((e) => {
      if (TOP_LEVEL.has(e.key) || e.key.startsWith("x-")) return false;
      const v = deref(ctx, e.value);
      return (0, import_yaml.isMap)(v) && entries(ctx, v).some((s) => SERVICE_KEYS.has(s.key));
    });
  }
  services.forEach((svc, index) => {
    const body = deref(ctx, svc.value);
    if (!(0, import_yaml.isMap)(body)) return;
    const name = svc.key;
    const fields = new Map(entries(ctx, body).map((e) => [e.key, e]));
    const image = scalarText(deref(ctx, fields.get("image")?.value));
    const imageNode = deref(ctx, fields.get("image")?.value);
    const resolvedImage = image === null ? null : resolveComposeStatic(image);
    const go = golangImage(resolvedImage);
    const scope = {
      name,
      index,
      image,
      resolvedImage,
      golang: go.golang,
      goroot: go.goroot,
      windows: go.windows,
      loc: contentLoc(ctx, svc.keyNode),
      imageLoc: image !== null && (0, import_yaml.isScalar)(imageNode) ? contentLoc(ctx, imageNode) : null
    };
    const platform = scalarText(deref(ctx, fields.get("platform")?.value));
    if (platform !== null) scope.platform = platform;
    const buildEntry = fields.get("build");
    const build = deref(ctx, buildEntry?.value);
    if (buildEntry && build) {
      const loc = contentLoc(ctx, buildEntry.keyNode);
      if ((0, import_yaml.isScalar)(build)) {
        const context = scalarText(build);
        if (context !== null) scope.build = { context: staticText(context), dockerfile: "Dockerfile", loc };
      } else if ((0, import_yaml.isMap)(build)) {
        const b = new Map(entries(ctx, build).map((e) => [e.key, e]));
        const context = scalarText(deref(ctx, b.get("context")?.value));
        const dockerfile = scalarText(deref(ctx, b.get("dockerfile")?.value));
        const target = scalarText(deref(ctx, b.get("target")?.value));
        scope.build = {
          context: context === null ? "." : staticText(context),
          dockerfile: dockerfile === null ? "Dockerfile" : staticText(dockerfile),
          loc
        };
        if (target !== null) scope.build.target = staticText(target);
        collectEnv(ctx, b.get("args")?.value, "build-arg", name);
      }
    }
    model.scopes.push(scope);
    collectEnv(ctx, fields.get("environment")?.value, "environment", name);
    collectEnvFiles(ctx, fields.get("env_file")?.value, name);
    collectCommands(ctx, fields, name, model);
  });
}
function resolveAlias(ctx, a) {
  const at = a.range?.[0] ?? Number.MAX_SAFE_INTEGER;
  let found = null;
  for (const n of ctx.anchors.get(a.source) ?? []) if ((n.range?.[0] ?? 0) < at) found = n;
  return found;
}
function deref(ctx, n) {
  let cur = n;
  for (let hops = 0; (0, import_yaml.isAlias)(cur) && hops < 32; hops++) cur = resolveAlias(ctx, cur);
  return (0, import_yaml.isScalar)(cur) || (0, import_yaml.isCollection)(cur) ? cur : null;
}
function isMergeKey(k) {
  return (0, import_yaml.isScalar)(k) && (typeof k.value === "symbol" || k.value === "<<" && k.type === "PLAIN");
}
function spend(ctx) {
  if (--ctx.budget < 0) throw new BudgetExceeded();
}
function entries(ctx, node, depth = 0) {
  const m = deref(ctx, node);
  if (!(0, import_yaml.isMap)(m) || depth > 32) return [];
  const own = [];
  const merged = [];
  for (const p of m.items) {
    spend(ctx);
    if (isMergeKey(p.key)) {
      const v = deref(ctx, p.value);
      for (const src of (0, import_yaml.isSeq)(v) ? v.items : [v]) merged.push(...entries(ctx, src, depth + 1));
      continue;
    }
    const k = deref(ctx, p.key);
    if (!(0, import_yaml.isScalar)(k)) continue;
    const key2 = scalarText(k);
    if (key2 === null) continue;
    own.push({ key: key2, keyNode: k, value: p.value, owner: m });
  }
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const e of [...own, ...merged]) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    out.push(e);
  }
  return out;
}
function scalarText(n) {
  if (!(0, import_yaml.isScalar)(n) || n.value === null || n.value === void 0) return null;
  if (typeof n.value === "string") return n.value;
  return n.source ?? String(n.value);
}
function staticText(s) {
  return resolveComposeStatic(s) ?? s;
}
function contentRange(ctx, s) {
  const [a, b] = s.range ?? [0, 0];
  const t = ctx.text;
  switch (s.type) {
    case "QUOTE_DOUBLE":
    case "QUOTE_SINGLE":
      return [a + 1, Math.max(a + 1, b - 1)];
    case "BLOCK_LITERAL":
    case "BLOCK_FOLDED": {
      const nl = t.indexOf("\n", a);
      if (nl < 0 || nl >= b) return [b, b];
      let start = nl + 1;
      while (start < b && /\s/.test(t[start])) start++;
      let end = b;
      while (end > start && /\s/.test(t[end - 1])) end--;
      return [start, end];
    }
    default:
      return [a, b];
  }
}
function contentLoc(ctx, s) {
  const [a, b] = contentRange(ctx, s);
  return ctx.lc.loc(a, b);
}
function yamlReason(message) {
  const first = message.split("\n")[0] ?? "";
  const reason2 = first.replace(/:\s.*$/s, "").replace(/ at line \d+, column \d+$/, "").replace(/[^A-Za-z0-9 ,.'()\]}-].*$/s, "").trim();
  return redact(reason2 || "invalid YAML");
}
function errorAt(lc, message, offset) {
  const p = lc.linePos(offset);
  return { message, line: p.line, column: p.col };
}
function firstAliasOffset(doc) {
  let at = 0;
  (0, import_yaml.visit)(doc, {
    Alias(_, a) {
      at = a.range?.[0] ?? 0;
      return import_yaml.visit.BREAK;
    }
  });
  return at;
}
function groupOf(ctx, owner) {
  let g = ctx.groups.get(owner);
  if (g === void 0) {
    g = ctx.groups.size;
    ctx.groups.set(owner, g);
  }
  return g;
}
function isReset(n) {
  return n !== null && n.tag === "!reset";
}
function record(ctx, node, service, make) {
  const known2 = ctx.byNode.get(node);
  if (known2) {
    if (!known2.services.includes(service)) known2.services.push(service);
    return;
  }
  const a = make();
  if (a) ctx.byNode.set(node, a);
}
function collectEnv(ctx, node, kind, service) {
  const n = deref(ctx, node);
  if (n === null || isReset(n)) return;
  if ((0, import_yaml.isMap)(n)) {
    for (const e of entries(ctx, n)) {
      const v = e.value === null ? null : deref(ctx, e.value);
      if (isReset(v) || v !== null && !(0, import_yaml.isScalar)(v)) continue;
      record(ctx, e.keyNode, service, () => {
        const typo = missingSpace(ctx, e.keyNode, kind, service, groupOf(ctx, e.owner));
        if (typo) return typo;
        const value = scalarText(v);
        const a = {
          name: e.key,
          value,
          kind,
          scope: service,
          services: [service],
          nameLoc: contentLoc(ctx, e.keyNode),
          valueLoc: value === null || !(0, import_yaml.isScalar)(v) ? null : contentLoc(ctx, v),
          group: groupOf(ctx, e.owner)
        };
        if ((0, import_yaml.isScalar)(v) && value !== null && v.range) {
          const raw = ctx.text.slice(v.range[0], v.range[1]);
          if (raw !== value) a.raw = raw;
        }
        return a;
      });
    }
    return;
  }
  if ((0, import_yaml.isScalar)(n)) {
    record(ctx, n, service, () => missingSpace(ctx, n, kind, service, groupOf(ctx, n)) ?? splitAtEquals(ctx, n, kind, service, groupOf(ctx, n)));
    return;
  }
  if (!(0, import_yaml.isSeq)(n)) return;
  for (const item of n.items) {
    spend(ctx);
    const s = deref(ctx, item);
    if (!(0, import_yaml.isScalar)(s) || isReset(s)) continue;
    const text = scalarText(s);
    if (text === null || text === "") continue;
    record(ctx, s, service, () => splitAtEquals(ctx, s, kind, service, groupOf(ctx, n)));
  }
}
function missingSpace(ctx, key2, kind, service, group) {
  const text = scalarText(key2);
  const m = text === null ? null : /^([A-Za-z_][A-Za-z0-9_.-]*):(\S+)/.exec(text);
  if (!m) return null;
  const [cs, ce] = contentRange(ctx, key2);
  const raw = ctx.text.slice(cs, ce);
  if (!raw.startsWith(`${m[1]}:${m[2]}`)) return null;
  const at = cs + m[1].length + 1;
  return {
    name: m[1],
    value: m[2],
    kind,
    scope: service,
    services: [service],
    nameLoc: ctx.lc.loc(cs, cs + m[1].length),
    valueLoc: ctx.lc.loc(at, at + m[2].length),
    group
  };
}
function splitAtEquals(ctx, s, kind, service, group) {
  const text = scalarText(s);
  if (text === null || text === "") return null;
  const [cs, ce] = contentRange(ctx, s);
  const rawContent = ctx.text.slice(cs, ce);
  const eq = text.indexOf("=");
  const rawEq = rawContent.indexOf("=");
  const a = {
    name: eq < 0 ? text : text.slice(0, eq),
    value: eq < 0 ? null : text.slice(eq + 1),
    kind,
    scope: service,
    services: [service],
    nameLoc: ctx.lc.loc(cs, rawEq < 0 ? ce : cs + rawEq),
    valueLoc: eq < 0 || rawEq < 0 ? null : ctx.lc.loc(cs + rawEq + 1, ce),
    group
  };
  if (eq >= 0 && rawEq >= 0) {
    const rawValue = rawContent.slice(rawEq + 1);
    if (rawValue !== a.value) a.raw = rawValue;
  }
  return a;
}
function dirOf(p) {
  const s = p.replace(/\\/g, "/");
  const i = s.lastIndexOf("/");
  return i < 0 ? "" : s.slice(0, i + 1);
}
function normalize2(p) {
  const abs = p.startsWith("/");
  const out = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (seg !== ".." || !abs) out.push(seg);
  }
  return (abs ? "/" : "") + out.join("/") || ".";
}
function resolveEnvFilePath(composePath, p) {
  const s = p.replace(/\\/g, "/");
  if (s.startsWith("/") || /^[A-Za-z]:\//.test(s)) return /^[A-Za-z]:\//.test(s) ? s : normalize2(s);
  return normalize2(dirOf(composePath) + s);
}
function collectEnvFiles(ctx, node, service) {
  const n = deref(ctx, node);
  if (n === null || isReset(n)) return;
  for (const item of (0, import_yaml.isSeq)(n) ? n.items : [n]) {
    spend(ctx);
    const d = deref(ctx, item);
    let pathNode = d;
    let required = true;
    let format = "dotenv";
    if ((0, import_yaml.isMap)(d)) {
      const f = new Map(entries(ctx, d).map((e) => [e.key, e]));
      pathNode = deref(ctx, f.get("path")?.value);
      const req = deref(ctx, f.get("required")?.value);
      if ((0, import_yaml.isScalar)(req) && (req.value === false || req.value === "false")) required = false;
      if (scalarText(deref(ctx, f.get("format")?.value)) === "raw") format = "raw";
    }
    const written = scalarText(pathNode);
    if (written === null || !(0, import_yaml.isScalar)(pathNode)) continue;
    const resolved = resolveEnvFilePath(ctx.path, staticText(written));
    const key2 = `${format}\0${resolved}`;
    const known2 = ctx.envFiles.get(key2);
    if (known2) {
      if (!known2.services.includes(service)) known2.services.push(service);
      known2.required ||= required;
      continue;
    }
    ctx.envFiles.set(key2, { path: written, resolved, required, format, services: [service], loc: contentLoc(ctx, pathNode) });
  }
}
function collectCommands(ctx, fields, service, model) {
  const hc = deref(ctx, fields.get("healthcheck")?.value);
  const test = (0, import_yaml.isMap)(hc) && !isReset(hc) ? entries(ctx, hc).find((e) => e.key === "test")?.value : void 0;
  const sources = [
    ["compose-command", fields.get("command")?.value],
    ["compose-entrypoint", fields.get("entrypoint")?.value],
    ["compose-healthcheck", test]
  ];
  for (const [kind, node] of sources) {
    const n = deref(ctx, node);
    if (n === null || isReset(n) || !n.range) continue;
    const loc = (0, import_yaml.isScalar)(n) ? contentLoc(ctx, n) : ctx.lc.loc(n.range[0], n.range[1]);
    const known2 = model.commands.find((c) => c.kind === kind && c.loc.line === loc.line && c.loc.column === loc.column);
    if (known2) {
      if (!known2.services.includes(service)) known2.services.push(service);
      continue;
    }
    let segments2;
    let form;
    if ((0, import_yaml.isScalar)(n)) {
      if (scalarText(n) === null) continue;
      form = "shell";
      segments2 = scalarSegments(ctx, n);
    } else if ((0, import_yaml.isSeq)(n)) {
      form = "exec";
      const items = n.items.map((i) => deref(ctx, i));
      const first = items[0];
      const skip = kind === "compose-healthcheck" && (0, import_yaml.isScalar)(first) && /^(?:CMD|CMD-SHELL|NONE)$/.test(scalarText(first) ?? "") ? 1 : 0;
      segments2 = [];
      for (const item of items.slice(skip)) {
        spend(ctx);
        if ((0, import_yaml.isScalar)(item) && scalarText(item) !== null) segments2.push(...scalarSegments(ctx, item));
      }
    } else continue;
    if (segments2.length === 0) continue;
    model.commands.push({ kind, scope: service, form, segments: segments2, loc, services: [service] });
  }
}
function scalarSegments(ctx, s) {
  const [a, b] = contentRange(ctx, s);
  const out = [];
  let at = a;
  for (const line of ctx.text.slice(a, b).split("\n")) {
    const text = line.replace(/\r$/, "");
    const lead = text.length - text.trimStart().length;
    if (text.trim() !== "") {
      const p = ctx.lc.linePos(at + lead);
      out.push({ text: text.slice(lead).trimEnd(), line: p.line, column: p.col });
    }
    at += line.length + 1;
  }
  return out;
}
function suppressions(text, assignments) {
  const comments = [];
  const content = [];
  text.split("\n").forEach((l, i) => {
    const m = /^\s*#(.*)$/.exec(l.replace(/\r$/, ""));
    if (m) comments.push({ line: i + 1, text: m[1] });
    else if (l.trim() !== "") content.push(i + 1);
  });
  const ends = /* @__PURE__ */ new Map();
  for (const a of assignments) {
    const end = Math.max(a.nameLoc.endLine, a.valueLoc?.endLine ?? 0);
    ends.set(a.nameLoc.line, Math.max(ends.get(a.nameLoc.line) ?? 0, end));
  }
  return lineSuppressions(comments, content, (l) => ends.get(l) ?? l);
}

// src/parse/dockerfile.ts
var import_dockerfile_ast2 = __toESM(require_main());

// src/parse/dockerfile-ast-speedups.ts
var import_dockerfile_ast = __toESM(require_main());
var import_parser = __toESM(require_parser2());
var PARSED = /* @__PURE__ */ new Set(["FROM", "ARG", "ENV", "LABEL", "WORKDIR", "USER", "ONBUILD"]);
var HEREDOC_CAPABLE = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
var TextOnlyInstruction = class extends import_dockerfile_ast.Instruction {
  getArguments() {
    if (!HEREDOC_CAPABLE.has(this.getKeyword())) {
      throw new Error(`godock: ${this.getKeyword()} is built without arguments; add it to PARSED in src/parse/dockerfile-ast-speedups.ts to read them`);
    }
    return [];
  }
};
var MEMO = /* @__PURE__ */ Symbol("godock.rawArguments");
var proto = import_dockerfile_ast.Instruction.prototype;
var originalRawArguments = proto.getRawArguments;
var originalCreateInstruction = import_parser.Parser.createInstruction;
function memoizedRawArguments() {
  const args = this[MEMO] ?? (this[MEMO] = originalRawArguments.call(this));
  return args.slice();
}
var textOnlyCreateInstruction = (document, dockerfile, escapeChar2, lineRange, instruction, instructionRange) => {
  const keyword = instruction.toUpperCase();
  if (PARSED.has(keyword) || HEREDOC_CAPABLE.has(keyword) && document.getText(lineRange).includes("<")) {
    return originalCreateInstruction(document, dockerfile, escapeChar2, lineRange, instruction, instructionRange);
  }
  return new TextOnlyInstruction(document, lineRange, dockerfile, escapeChar2, instruction, instructionRange);
};
function setSpeedups(on) {
  proto.getRawArguments = on.memoizeArguments ? memoizedRawArguments : originalRawArguments;
  import_parser.Parser.createInstruction = on.textOnly ? textOnlyCreateInstruction : originalCreateInstruction;
}
var enabled = false;
function enableSpeedups() {
  if (enabled) return;
  enabled = true;
  setSpeedups({ memoizeArguments: true, textOnly: true });
}

// src/parse/dockerfile-parts/state.ts
function newState(model, lines, escape) {
  return { model, lines, escape, group: 0, globalArgs: /* @__PURE__ */ new Map(), stage: -1, scope: null, stageVars: /* @__PURE__ */ new Map(), stageWorkdir: /* @__PURE__ */ new Map() };
}
function scopeName(st) {
  return st.scope ? st.scope.name : "";
}
function setVar(st, vars, name, value, kind) {
  if (value === null) {
    if (kind === "arg" && st.globalArgs.has(name) && vars !== st.globalArgs) vars.set(name, st.globalArgs.get(name));
    else if (!vars.has(name)) vars.set(name, null);
  } else vars.set(name, expand(value, vars, st.escape) ?? null);
}
function pushAssignment(st, a, viaOnbuild, raw) {
  if (st.scope) a.scope = st.scope.name;
  if (viaOnbuild) a.viaOnbuild = true;
  if (raw !== void 0 && raw !== a.value) a.raw = raw;
  st.model.assignments.push(a);
}

// src/parse/dockerfile-parts/text.ts
function heredocsOrNone(ins) {
  try {
    return ins.getHeredocs?.() ?? [];
  } catch {
    return [];
  }
}
function splitLines(text) {
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
}
function sliceRange(lines, r) {
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? "").slice(r.start.character, r.end.character);
  const parts = [(lines[r.start.line] ?? "").slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l] ?? "");
  parts.push((lines[r.end.line] ?? "").slice(0, r.end.character));
  return parts.join("\n");
}
function textOf(st, ins) {
  const r = ins.getRange();
  return r.start.line === r.end.line ? st.lines[r.start.line] ?? "" : st.lines.slice(r.start.line, r.end.line + 1).join("\n");
}
function heredocsIn(st, ins) {
  return textOf(st, ins).includes("<<") ? heredocsOrNone(ins) : [];
}
function segmentsOf(st, ins, heredocs) {
  const r = ins.getRange();
  const kw = ins.getInstructionRange();
  const skip = /* @__PURE__ */ new Set();
  for (const h of heredocs) {
    const c = h.getContentRange();
    if (c) for (let l = c.start.line; l <= c.end.line; l++) skip.add(l);
    const d = h.getDelimiterRange();
    if (d) skip.add(d.start.line);
  }
  const segs = [];
  for (let l = r.start.line; l <= r.end.line; l++) {
    if (skip.has(l)) continue;
    let t = st.lines[l] ?? "";
    if (l === r.end.line && r.end.line > r.start.line) t = t.slice(0, r.end.character);
    let col = 0;
    if (l === r.start.line) {
      col = kw.start.line === l ? kw.end.character : 0;
      t = t.slice(col);
    } else if (/^\s*#/.test(t)) continue;
    const lead = t.length - t.trimStart().length;
    col += lead;
    t = t.slice(lead);
    const trimmed = t.replace(/\s+$/, "");
    if (l < r.end.line && trimmed.endsWith(st.escape)) t = trimmed.slice(0, -1);
    if (t.trim() === "") continue;
    segs.push({ text: t, line: l + 1, column: col + 1 });
  }
  return segs;
}
function splitFlags(segs) {
  const flags = /* @__PURE__ */ new Map();
  const joined = joinSegments(segs);
  if (!/^\s*[-"'\\$]/.test(joined)) return { flags, rest: segs };
  let cut = 0;
  for (const t of tokenize(joined)) {
    if (!isWord(t) || !t.value.startsWith("--")) break;
    const eq = t.value.indexOf("=");
    const name = (eq < 0 ? t.value.slice(2) : t.value.slice(2, eq)).toLowerCase();
    flags.set(name, [...flags.get(name) ?? [], eq < 0 ? "" : t.value.slice(eq + 1)]);
    cut = t.end;
  }
  return { flags, rest: cut === 0 ? segs : dropPrefix(segs, cut) };
}
function modelHeredocs(st, hs) {
  return hs.map((h) => {
    const c = h.getContentRange();
    const segs = [];
    if (c) for (let l = c.start.line; l <= c.end.line; l++) segs.push({ text: st.lines[l] ?? "", line: l + 1, column: 1 });
    return { name: h.getName(), segments: segs };
  });
}
function parseJsonArgs(text) {
  const trimmed = text.trim();
  if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) return null;
  let arr;
  try {
    arr = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (!Array.isArray(arr) || !arr.every((x) => typeof x === "string")) return null;
  const out = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ value: JSON.parse(m[0]), start: m.index + 1, end: m.index + m[0].length - 1 });
  }
  return out;
}

// src/parse/dockerfile-parts/commands.ts
var KIND = { CMD: "cmd", ENTRYPOINT: "entrypoint", HEALTHCHECK: "healthcheck" };
function isCommandKeyword(keyword) {
  return keyword in KIND;
}
function handleCommand(st, ins, keyword, viaOnbuild) {
  const kind = KIND[keyword];
  if (!kind) return;
  let segs = segmentsOf(st, ins, []);
  if (kind === "healthcheck") {
    segs = splitFlags(segs).rest;
    const m = /^(\s*)CMD(?=\s|\[|$)/i.exec(joinSegments(segs));
    if (!m) return;
    segs = dropPrefix(segs, m[0].length);
  }
  const joined = joinSegments(segs);
  const exec = /^\s*\[/.test(joined) ? parseJsonArgs(joined) : null;
  const segments2 = exec ? exec.flatMap((a) => sliceSegments(segs, a.start, a.end)) : segs;
  if (segments2.length === 0) return;
  const cmd = { kind, scope: scopeName(st), form: exec ? "exec" : "shell", segments: segments2, loc: fromRange0(ins.getRange()) };
  if (viaOnbuild) cmd.viaOnbuild = true;
  st.model.commands.push(cmd);
}
function sliceSegments(segs, start, end) {
  const out = [];
  let offset = 0;
  for (const s of segs) {
    const segEnd = offset + s.text.length;
    const a = Math.max(start, offset);
    const b = Math.min(end, segEnd);
    if (b > a) out.push({ text: s.text.slice(a - offset, b - offset), line: s.line, column: s.column + (a - offset) });
    offset = segEnd + 1;
  }
  return out;
}

// src/parse/dockerfile-parts/copy.ts
function handleCopy(st, ins, keyword, viaOnbuild) {
  const hs = heredocsIn(st, ins);
  const { flags, rest: segs } = splitFlags(segmentsOf(st, ins, hs));
  const from = flags.get("from")?.[0];
  const joined = joinSegments(segs);
  const json2 = /^\s*\[/.test(joined) ? parseJsonArgs(joined) : null;
  const fallback = fromRange0(ins.getRange());
  const paths = json2 ? json2.map((j) => ({ path: j.value, loc: locateInSegments(segs, j.start, j.end) ?? fallback })) : tokenize(joined).filter(isWord).filter((w) => !w.raw.startsWith("<<")).map((w) => ({ path: w.value, loc: locateInSegments(segs, w.start, w.end) ?? fallback }));
  const copy = {
    instruction: keyword,
    scope: scopeName(st),
    sources: paths.slice(0, -1),
    dest: paths.length >= 1 ? paths[paths.length - 1] : null,
    heredocs: modelHeredocs(st, hs),
    loc: fromRange0(ins.getRange())
  };
  const wd = st.stageWorkdir.get(scopeName(st));
  if (wd !== void 0) copy.workdir = wd;
  if (from !== void 0) copy.from = from;
  if (viaOnbuild) copy.viaOnbuild = true;
  st.model.copies.push(copy);
}

// src/parse/dockerfile-parts/run.ts
function handleRun(st, ins, viaOnbuild) {
  const hs = heredocsIn(st, ins);
  const { flags, rest: segments2 } = splitFlags(segmentsOf(st, ins, hs));
  const joined = joinSegments(segments2);
  const exec = /^\s*\[/.test(joined) ? parseJsonArgs(joined) : null;
  const run3 = {
    scope: scopeName(st),
    form: exec ? "exec" : "shell",
    segments: segments2,
    heredocs: modelHeredocs(st, hs),
    mounts: flags.get("mount") ?? [],
    loc: fromRange0(ins.getRange())
  };
  if (viaOnbuild) run3.viaOnbuild = true;
  st.model.runs.push(run3);
  pushScriptAssignments(st, run3, viaOnbuild);
}
function pushScriptAssignments(st, run3, viaOnbuild) {
  for (const { segments: segs, sep: sep5, text: script } of runScripts(run3)) {
    st.group++;
    for (const a of findAssignments(script)) {
      const nameLoc = locateInSegments(segs, a.nameStart, a.nameEnd, sep5);
      if (!nameLoc) continue;
      const valueLoc = a.valueEnd > a.valueStart ? locateInSegments(segs, a.valueStart, a.valueEnd, sep5) : null;
      const ea = { name: a.name, value: a.value, kind: a.form === "go-env-w" ? "go-env-w" : "run", nameLoc, valueLoc, group: st.group };
      if (a.form !== "go-env-w") ea.runForm = a.form;
      pushAssignment(st, ea, viaOnbuild, a.raw);
    }
  }
}

// src/parse/dockerfile-parts/stage.ts
function handleFrom(st, ins) {
  st.stage++;
  const named = ins.getBuildStage();
  const name = named ? named.toLowerCase() : String(st.stage);
  const image = ins.getImage();
  const imageRange = ins.getImageRange();
  const platform = ins.getPlatformFlag()?.getValue() ?? void 0;
  const parent = image ? st.model.scopes.find((s2) => s2.name === image.toLowerCase() && image !== "") : void 0;
  const resolved = parent ? null : image ? expand(image, st.globalArgs, st.escape) : null;
  const vars = /* @__PURE__ */ new Map();
  let workdir = "/";
  let info = golangImage(resolved ?? (image ? expand(image.replace(/@.*$/, "").replace(/:[^/:]*$/, ""), st.globalArgs, st.escape) : null));
  if (parent) {
    info = { golang: parent.golang, goroot: parent.goroot, windows: parent.windows };
    for (const [k, v] of st.stageVars.get(parent.name) ?? []) vars.set(k, v);
    workdir = st.stageWorkdir.get(parent.name);
  } else if (info.golang) {
    const start = golangImageStart(info.windows);
    for (const [k, v] of start.vars) vars.set(k, v);
    workdir = start.workdir;
  } else if (resolved === null || resolved.toLowerCase() !== "scratch") {
    workdir = void 0;
  }
  const s = {
    name,
    index: st.stage,
    image: image || null,
    resolvedImage: parent ? parent.resolvedImage : resolved,
    golang: info.golang,
    goroot: info.goroot,
    windows: info.windows,
    loc: fromRange0(ins.getRange()),
    imageLoc: imageRange ? fromRange0(imageRange) : null
  };
  if (parent) s.parent = parent.name;
  if (platform !== void 0) s.platform = platform;
  st.model.scopes.push(s);
  st.scope = s;
  st.stageVars.set(name, vars);
  st.stageWorkdir.set(name, workdir);
}
function handleWorkdir(st, ins, vars) {
  const args = ins.getArguments();
  if (args.length === 0) return;
  const raw = args.map((a) => a.getValue()).join(" ");
  const expanded = vars ? expand(raw, vars, st.escape) : null;
  const prev = st.stageWorkdir.get(scopeName(st));
  let absolute;
  if (expanded !== null) {
    if (expanded.startsWith("/") || looksWindows(expanded)) absolute = cleanGoPath(expanded, null);
    else if (prev !== void 0) absolute = cleanGoPath(`${prev}/${expanded}`, null);
  }
  const first = args[0].getRange();
  const last = args[args.length - 1].getRange();
  const w = { scope: scopeName(st), path: raw, loc: fromRange0({ start: first.start, end: last.end }) };
  if (absolute !== void 0) w.absolute = absolute;
  st.model.workdirs.push(w);
  st.stageWorkdir.set(scopeName(st), absolute);
}
function handleUser(st, ins) {
  const args = ins.getArguments();
  if (!args.length) return;
  const r = ins.getArgumentsRange();
  st.model.users.push({ scope: scopeName(st), user: args.map((a) => a.getValue()).join(" "), loc: fromRange0(r) });
}

// src/parse/dockerfile-parts/variables.ts
var QUOTED = /^(["']).*\1$/s;
function dockerUnquote(raw, escape) {
  let out = "";
  let quote = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
    } else if (c === escape && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (quote === '"' && next !== '"' && next !== "$" && next !== escape) out += c;
      else {
        out += next;
        i++;
      }
    } else if (c === '"') quote = quote ? null : '"';
    else if (c === "'" && quote === null) quote = "'";
    else out += c;
  }
  return out;
}
var INNER_QUOTE = /[^\s"']["']|["'][^\s"']*["'][^\s"']/;
function pushProperties(st, props, kind, viaOnbuild, vars) {
  st.group++;
  for (const p of props) {
    const name = p.getName();
    if (!name) continue;
    let value = p.getValue();
    const vr = p.getValueRange();
    let valueLoc = vr ? fromRange0(vr) : null;
    const rawText = vr ? sliceRange(st.lines, vr) : void 0;
    if (value !== null && rawText !== void 0 && !rawText.includes("\n") && INNER_QUOTE.test(rawText)) {
      const stored = dockerUnquote(rawText, st.escape);
      if (stored.replace(/["']/g, "") === value.replace(/["']/g, "")) value = stored;
    }
    if (valueLoc && rawText && rawText.length >= 2 && QUOTED.test(rawText) && valueLoc.line === valueLoc.endLine) {
      valueLoc = { ...valueLoc, column: valueLoc.column + 1, endColumn: valueLoc.endColumn - 1 };
    }
    const a = { name, value, kind, nameLoc: fromRange0(p.getNameRange()), valueLoc, group: st.group };
    pushAssignment(st, a, viaOnbuild, rawText);
    if (vars && kind !== "label") setVar(st, vars, name, value, kind);
  }
}
function pushArgWords(st, ins, viaOnbuild, vars) {
  st.group++;
  const segs = segmentsOf(st, ins, []);
  const text = joinSegments(segs);
  for (const t of tokenize(text)) {
    if (!isWord(t)) continue;
    const eq = t.raw.indexOf("=");
    const name = eq < 0 ? t.raw : t.raw.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const value = eq < 0 ? null : t.value.slice(t.value.indexOf("=") + 1);
    const nameLoc = locateInSegments(segs, t.start, t.start + name.length);
    if (!nameLoc) continue;
    let valueLoc = eq < 0 || t.end - t.start - eq - 1 <= 0 ? null : locateInSegments(segs, t.start + eq + 1, t.end);
    const raw = eq < 0 ? void 0 : t.raw.slice(eq + 1);
    if (valueLoc && raw && raw.length >= 2 && QUOTED.test(raw)) valueLoc = { ...valueLoc, column: valueLoc.column + 1, endColumn: valueLoc.endColumn - 1 };
    const a = { name, value, kind: "arg", nameLoc, valueLoc, group: st.group };
    pushAssignment(st, a, viaOnbuild, raw);
    if (vars) setVar(st, vars, name, value, "arg");
  }
}
function handleArg(st, ins, viaOnbuild, vars) {
  const props = ins.getProperties();
  if (props.length === 1 && props[0].getAssignmentOperator() === null && props[0].getValue() !== null) pushArgWords(st, ins, viaOnbuild, vars);
  else pushProperties(st, props, "arg", viaOnbuild, vars);
}

// src/parse/dockerfile.ts
function parseDockerfile(path11, input) {
  enableSpeedups();
  const text = input.charCodeAt(0) === 65279 ? input.slice(1) : input;
  const df = import_dockerfile_ast2.DockerfileParser.parse(text);
  const st = newState(emptyModel(path11, "dockerfile"), splitLines(text), df.getEscapeCharacter());
  for (const ins of df.getInstructions()) {
    try {
      handleTop(st, ins);
    } catch {
      const line = ins.getRange()?.start.line ?? 0;
      st.model.errors.push({ message: "could not parse this instruction (malformed Dockerfile syntax)", line: line + 1, column: 1 });
    }
  }
  collectSuppressions(df, st.model.suppressions);
  return st.model;
}
function handleTop(st, ins) {
  if (ins instanceof import_dockerfile_ast2.From) handleFrom(st, ins);
  else if (st.stage < 0) {
    if (ins instanceof import_dockerfile_ast2.Arg) handleArg(st, ins, false, st.globalArgs);
  } else handle(st, ins, false);
}
function handle(st, ins, viaOnbuild) {
  const vars = st.stageVars.get(scopeName(st)) ?? null;
  const keyword = ins.getKeyword();
  if (ins instanceof import_dockerfile_ast2.Env) pushProperties(st, ins.getProperties(), "env", viaOnbuild, vars);
  else if (ins instanceof import_dockerfile_ast2.Arg) handleArg(st, ins, viaOnbuild, viaOnbuild ? null : vars);
  else if (ins instanceof import_dockerfile_ast2.Label) pushProperties(st, ins.getProperties(), "label", viaOnbuild, null);
  else if (keyword === "RUN") handleRun(st, ins, viaOnbuild);
  else if (keyword === "COPY" || keyword === "ADD") handleCopy(st, ins, keyword, viaOnbuild);
  else if (isCommandKeyword(keyword)) handleCommand(st, ins, keyword, viaOnbuild);
  else if (ins instanceof import_dockerfile_ast2.Workdir && !viaOnbuild) handleWorkdir(st, ins, vars);
  else if (ins instanceof import_dockerfile_ast2.User && !viaOnbuild) handleUser(st, ins);
  else if (ins instanceof import_dockerfile_ast2.Onbuild && !viaOnbuild) {
    const t = ins.getTriggerInstruction();
    if (t) handle(st, t, true);
  }
}
function collectSuppressions(df, out) {
  const instructions = df.getInstructions();
  for (const c of df.getComments()) {
    const p = parsePragma(c.getContent());
    if (!p || p.source === "buildkit") continue;
    const line0 = c.getRange().start.line;
    let startLine = line0 + 2;
    let endLine = line0 + 2;
    const containing = instructions.find((i) => i.getRange().start.line < line0 && i.getRange().end.line > line0);
    if (containing) {
      endLine = containing.getRange().end.line + 1;
    } else {
      const next = instructions.find((i) => i.getRange().start.line > line0);
      if (next) {
        startLine = next.getRange().start.line + 1;
        endLine = next.getRange().end.line + 1;
      }
    }
    const s = { ruleIds: p.ruleIds, startLine, endLine, file: p.file, source: p.source, line: line0 + 1 };
    if (p.reason) s.reason = p.reason;
    out.push(s);
  }
  for (const d of df.getDirectives()) {
    if (d.getName().toLowerCase() !== "check") continue;
    const p = parsePragma(`check=${d.getValue()}`);
    if (!p) continue;
    const line = d.getRange().start.line + 1;
    out.push({ ruleIds: p.ruleIds, startLine: line, endLine: line, file: true, source: "buildkit", line });
  }
}

// src/parse/env-file.ts
var Source = class {
  text;
  lines;
  constructor(input) {
    this.text = input.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
    this.lines = new LineIndex(this.text);
  }
  pos(offset) {
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }
  loc(start, end) {
    return this.lines.loc(start, end);
  }
  lineEnd(offset) {
    const nl = this.text.indexOf("\n", offset);
    return nl < 0 ? this.text.length : nl;
  }
};
function parseEnvFile(path11, text, format = "dotenv") {
  const st = { src: new Source(text), entries: [], comments: [], errors: [] };
  try {
    if (format === "raw") scanRaw(st);
    else scanDotenv(st);
  } catch (e) {
    st.errors.push({ message: `could not read env file: ${e.message}`, line: 1, column: 1 });
  }
  const { src } = st;
  const assignments = st.entries.map((e) => {
    const a = {
      name: e.name,
      value: e.value,
      kind: "env-file",
      nameLoc: src.loc(e.nameStart, e.nameStart + e.name.length),
      valueLoc: e.value === null ? null : src.loc(e.valueStart, e.valueEnd),
      group: 0
    };
    if (e.raw !== void 0 && e.raw !== e.value) a.raw = e.raw;
    return a;
  });
  const starts = st.entries.map((e) => src.pos(e.nameStart).line);
  const ends = /* @__PURE__ */ new Map();
  st.entries.forEach((e, i) => ends.set(starts[i], Math.max(ends.get(starts[i]) ?? 0, src.pos(e.end).line)));
  return {
    ...emptyModel(path11, "env-file"),
    assignments,
    suppressions: lineSuppressions(st.comments, [...new Set(starts)], (l) => ends.get(l) ?? l),
    errors: st.errors
  };
}
function leadingSpace(text, from, end) {
  let i = from;
  while (i < end && /\s/.test(text[i])) i++;
  return i;
}
function scanRaw(st) {
  const { src } = st;
  const t = src.text;
  let lineStart = 0;
  while (lineStart <= t.length) {
    const end = src.lineEnd(lineStart);
    const s = leadingSpace(t, lineStart, end);
    if (s < end) {
      const line = src.pos(s).line;
      if (t[s] === "#") st.comments.push({ line, text: t.slice(s + 1, end) });
      else {
        const body = t.slice(s, end);
        const eq = body.indexOf("=");
        const name = eq < 0 ? body : body.slice(0, eq);
        if (name === "") st.errors.push({ message: `no variable name on line ${line}`, line, column: src.pos(s).column });
        else if (/[ \t]/.test(name)) st.errors.push({ message: "variable name contains whitespace", line, column: src.pos(s).column });
        else {
          st.entries.push({
            name,
            nameStart: s,
            value: eq < 0 ? null : body.slice(eq + 1),
            valueStart: s + eq + 1,
            valueEnd: end,
            end
          });
        }
      }
    }
    lineStart = end + 1;
  }
}
function isBlank(c) {
  return c !== void 0 && c !== "\n" && /\s/.test(c);
}
var KEY_CHAR = /[\p{L}\p{N}_.\-[\]]/u;
function scanDotenv(st) {
  const { src } = st;
  const t = src.text;
  let i = 0;
  while (i < t.length) {
    while (i < t.length && /\s/.test(t[i])) i++;
    if (i >= t.length) break;
    const lineEnd = src.lineEnd(i);
    const line = src.pos(i).line;
    if (t[i] === "#") {
      st.comments.push({ line, text: t.slice(i + 1, lineEnd) });
      i = lineEnd;
      continue;
    }
    const exp = /^export[ \t]+/.exec(t.slice(i, lineEnd));
    if (exp) i += exp[0].length;
    const fail = (message, at) => {
      st.errors.push({ message, line: src.pos(at).line, column: src.pos(at).column });
    };
    const nameStart = i;
    let j = i;
    let sep5 = -1;
    let bad = -1;
    for (; j < lineEnd; j++) {
      const c = t[j];
      if (c === "=" || c === ":") {
        sep5 = j;
        break;
      }
      if (!isBlank(c) && !KEY_CHAR.test(c) && bad < 0) bad = j;
    }
    const name = t.slice(nameStart, sep5 < 0 ? lineEnd : sep5).replace(/\s+$/u, "");
    if (bad >= 0) {
      fail(`unexpected character ${JSON.stringify(t[bad])} in variable name`, bad);
      i = lineEnd;
      continue;
    }
    if (name === "") {
      fail("no variable name", nameStart);
      i = lineEnd;
      continue;
    }
    if (/\s/u.test(name)) {
      fail("variable name contains whitespace", nameStart);
      i = lineEnd;
      continue;
    }
    if (sep5 < 0) {
      st.entries.push({ name, nameStart, value: null, valueStart: lineEnd, valueEnd: lineEnd, end: lineEnd });
      i = lineEnd;
      continue;
    }
    let v = sep5 + 1;
    while (v < lineEnd && isBlank(t[v])) v++;
    const q = t[v];
    if (q === '"' || q === "'") {
      let close = -1;
      for (let k = v + 1; k < t.length; k++) {
        if (t[k] === q && t[k - 1] !== "\\") {
          close = k;
          break;
        }
      }
      if (close < 0) {
        fail("unterminated quoted value", v);
        i = lineEnd;
        continue;
      }
      const inner = t.slice(v + 1, close);
      st.entries.push({
        name,
        nameStart,
        value: q === "'" ? inner.replace(/\\'/g, "'") : unescapeDouble(inner),
        valueStart: v + 1,
        valueEnd: close,
        raw: t.slice(v, close + 1),
        end: close
      });
      i = src.lineEnd(close);
      continue;
    }
    let stop = lineEnd;
    for (let k = v; k < lineEnd; k++) {
      if (t[k] === "#" && isBlank(t[k - 1])) {
        stop = k;
        break;
      }
    }
    let e = stop;
    while (e > v && isBlank(t[e - 1])) e--;
    st.entries.push({ name, nameStart, value: t.slice(v, e), valueStart: v, valueEnd: e, end: e });
    i = lineEnd;
  }
}
var ESCAPES = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  "\\": "\\",
  '"': '"',
  $: "$"
};
function unescapeDouble(s) {
  return s.replace(
    /\\(0[0-7]{1,3}|[abfnrtv\\"$])/g,
    (m, e) => e[0] === "0" ? String.fromCharCode(parseInt(e, 8)) : ESCAPES[e] ?? m
  );
}

// src/parse/index.ts
function parseFile(path11, text, format, envFormat = "dotenv") {
  const model = parseAs(path11, text, format, envFormat);
  if (isTemplateName(path11)) model.template = true;
  return model;
}
function parseAs(path11, text, format, envFormat) {
  switch (format) {
    case "dockerfile":
      return parseDockerfile(path11, text);
    case "compose":
      return parseCompose(path11, text);
    case "env-file":
      return parseEnvFile(path11, text, envFormat);
  }
}

// src/lint-file.ts
var import_node_fs3 = require("node:fs");

// src/read.ts
var MAX_FILE_BYTES = 10 * 1024 * 1024;
var utf8 = new TextDecoder("utf-8", { fatal: true });
function tooLarge(bytes) {
  const size = bytes === void 0 ? "" : ` (${bytes} bytes)`;
  return { error: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB${size}; refusing to lint it`, line: 1 };
}
async function readStream(stream) {
  const chunks = [];
  let total = 0;
  try {
    for await (const c of stream) {
      const b = Buffer.isBuffer(c) ? c : Buffer.from(String(c));
      total += b.length;
      if (total > MAX_FILE_BYTES) {
        chunks.length = 0;
        return tooLarge();
      }
      chunks.push(b);
    }
  } catch (e) {
    const code = e.code;
    return { error: `cannot read: ${code ?? "error"}`, line: 1 };
  }
  return decode(Buffer.concat(chunks, total));
}
function decode(buf) {
  if (buf.length > MAX_FILE_BYTES) return tooLarge(buf.length);
  if (buf.length >= 2 && (buf[0] === 255 && buf[1] === 254 || buf[0] === 254 && buf[1] === 255)) {
    const le = buf[0] === 255;
    const body = buf.subarray(2);
    const swapped = le ? body : swap16(body);
    return { text: new TextDecoder("utf-16le").decode(swapped) };
  }
  const probe = buf.subarray(0, 8192);
  const nul = probe.indexOf(0);
  if (nul >= 0) return { error: "binary file (contains NUL bytes); not a Dockerfile, compose or env file", line: lineAt(buf, nul) };
  try {
    return { text: utf8.decode(buf) };
  } catch {
    const bad = firstInvalidUtf8(buf);
    return { error: "file is not valid UTF-8 text", line: lineAt(buf, bad) };
  }
}
function swap16(b) {
  const out = new Uint8Array(b.length - b.length % 2);
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1];
    out[i + 1] = b[i];
  }
  return out;
}
function lineAt(buf, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 10) line++;
  return line;
}
function firstInvalidUtf8(buf) {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const n = b < 128 ? 0 : b >= 194 && b < 224 ? 1 : b >= 224 && b < 240 ? 2 : b >= 240 && b < 245 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((buf[i + k] ?? 0) & 192) !== 128) return i;
    i += n + 1;
  }
  return 0;
}

// src/lint-file.ts
function processFile(f, rules2, config) {
  const read = readText(f.abs);
  if ("error" in read) {
    return { kind: "unread", result: { file: f.display, format: f.format, findings: [], errors: [{ message: read.error, line: read.line, column: 1 }] } };
  }
  const model = parseFile(f.display, read.text, f.format ?? sniffFormat(read.text));
  if (!waitsForLink(model)) return { kind: "linted", result: runRules(model, rules2, config), format: model.format, scopes: model.scopes };
  return { kind: "parsed", model };
}
function waitsForLink(model) {
  if (model.format === "env-file") return true;
  if (model.format !== "compose") return false;
  return model.envFiles.length > 0 || model.scopes.some((s) => s.build !== void 0 && !s.golang);
}
var MAX_ERRORS_PER_FILE = 10;
function runRules(model, rules2, config) {
  const { findings, errors } = lintModel(model, rules2, config);
  let all = [...model.errors, ...errors];
  if (all.length > MAX_ERRORS_PER_FILE) {
    const next = all[MAX_ERRORS_PER_FILE];
    all = [...all.slice(0, MAX_ERRORS_PER_FILE), { message: `${all.length - MAX_ERRORS_PER_FILE} more errors in this file`, line: next.line, column: next.column }];
  }
  return { file: model.path, format: model.format, findings, errors: all };
}
function readText(abs) {
  let fd;
  try {
    fd = (0, import_node_fs3.openSync)(abs, import_node_fs3.constants.O_RDONLY | (import_node_fs3.constants.O_NONBLOCK ?? 0));
    const st = (0, import_node_fs3.fstatSync)(fd);
    if (!st.isFile()) return { error: "not a regular file", line: 1 };
    if (st.size > MAX_FILE_BYTES) return tooLarge(st.size);
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    for (let r = 1; n < buf.length && r > 0; n += r) r = (0, import_node_fs3.readSync)(fd, buf, n, buf.length - n, null);
    return decode(buf.subarray(0, n));
  } catch (e) {
    const code = e.code;
    return { error: code === "EACCES" || code === "EPERM" ? "cannot read: permission denied" : code === "ENOENT" ? "no such file" : `cannot read: ${code ?? "error"}`, line: 1 };
  } finally {
    if (fd !== void 0) (0, import_node_fs3.closeSync)(fd);
  }
}
function parseLinkedFile(abs, display, format, envFormat = "dotenv") {
  const read = readText(abs);
  return "error" in read ? null : parseFile(display, read.text, format, envFormat);
}

// src/lint-pool.ts
var import_node_fs4 = require("node:fs");
var path5 = __toESM(require("node:path"));
var import_node_worker_threads = require("node:worker_threads");
var FILES_PER_THREAD = 64;
function defaultWorkerScript() {
  return path5.join(__dirname, "lint-worker.js");
}
function canDelegate(rules2) {
  const registry = new Set(rules);
  return rules2.every((r) => registry.has(r));
}
async function lintFiles(files, rules2, configs, configIndex, jobs, workerScript = defaultWorkerScript()) {
  const outcomes = new Array(files.length);
  const threads = Math.min(jobs, Math.floor(files.length / FILES_PER_THREAD));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const input = { files: [...files], ruleIds: rules2.map((r) => r.id), configs: [...configs], configIndex: [...configIndex], next };
  const workers = threads > 1 && canDelegate(rules2) && (0, import_node_fs4.existsSync)(workerScript) ? startWorkers(threads - 1, workerScript, input) : [];
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) outcomes[i] = lintOne(input, i, rules2);
  for (const batch of await Promise.all(workers)) for (const [i, o] of batch) outcomes[i] = o;
  for (let i = 0; i < files.length; i++) outcomes[i] ??= lintOne(input, i, rules2);
  return outcomes;
}
function lintOne(input, i, rules2) {
  return processFile(input.files[i], rules2, input.configs[input.configIndex[i]]);
}
function startWorkers(n, script, input) {
  return Array.from({ length: n }, () => {
    const worker = new import_node_worker_threads.Worker(script, { workerData: input, stdout: true, stderr: true });
    return new Promise((resolve10) => {
      let output = [];
      worker.once("message", (m) => output = m);
      worker.once("error", () => resolve10([]));
      worker.once("exit", () => resolve10(output));
    });
  });
}

// src/util/confine.ts
var import_node_fs6 = require("node:fs");
var path6 = __toESM(require("node:path"));

// src/util/atomic-write.ts
var import_node_fs5 = require("node:fs");
var import_node_path = require("node:path");
var import_node_crypto3 = require("node:crypto");
var WriteError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "WriteError";
  }
};
var refusedLink = (path11) => new WriteError(`refusing to write ${path11}: it is a symbolic link`);
var refusedExisting = (path11) => new WriteError(`refusing to overwrite ${path11}: it exists (use --force)`);
function lstatOrNull(path11) {
  try {
    return (0, import_node_fs5.lstatSync)(path11, { throwIfNoEntry: false }) ?? null;
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return null;
    throw new WriteError(`cannot access ${path11}: ${code ?? "error"}`);
  }
}
function checkWritable(path11, options = {}) {
  const existing = lstatOrNull(path11);
  if (!existing) return;
  if (existing.isSymbolicLink()) throw refusedLink(path11);
  if (!existing.isFile()) throw new WriteError(`refusing to write ${path11}: it is not a regular file`);
  if (options.overwrite === false) throw refusedExisting(path11);
}
function unlinkQuietly(path11) {
  try {
    (0, import_node_fs5.unlinkSync)(path11);
  } catch {
  }
}
function closeQuietly(fd) {
  try {
    (0, import_node_fs5.closeSync)(fd);
  } catch {
  }
}
function failure(path11, e) {
  if (e instanceof WriteError) return e;
  const err = e;
  return new WriteError(`cannot write ${path11}: ${err.code ?? err.message}`);
}
var tempId;
var tempCount = 0;
function tempPathFor(path11) {
  tempId ??= (0, import_node_crypto3.randomBytes)(4).toString("hex");
  return (0, import_node_path.join)((0, import_node_path.dirname)(path11), `.${(0, import_node_path.basename)(path11)}.${process.pid}.${tempId}${(tempCount++).toString(16)}.tmp`);
}
var CREATE_EXCL = import_node_fs5.constants.O_WRONLY | import_node_fs5.constants.O_CREAT | import_node_fs5.constants.O_EXCL;
function fillTemp(fd, tmp, path11, data, mode) {
  try {
    (0, import_node_fs5.fchmodSync)(fd, mode);
    (0, import_node_fs5.writeFileSync)(fd, data);
    (0, import_node_fs5.closeSync)(fd);
  } catch (e) {
    closeQuietly(fd);
    unlinkQuietly(tmp);
    throw failure(path11, e);
  }
}
function stageWrite(path11, data, options = {}) {
  const { mode = 420, overwrite = true } = options;
  checkWritable(path11, { overwrite });
  const tmp = tempPathFor(path11);
  let fd;
  try {
    fd = (0, import_node_fs5.openSync)(tmp, CREATE_EXCL, mode);
  } catch (e) {
    throw failure(path11, e);
  }
  fillTemp(fd, tmp, path11, data, mode);
  return { path: path11, tmp, overwrite };
}
function onPool(call) {
  return new Promise((resolve10, reject) => call((e, value) => e ? reject(e) : resolve10(value)));
}
async function lstatOrNullAsync(path11) {
  try {
    return await onPool((done) => (0, import_node_fs5.lstat)(path11, done));
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return null;
    throw new WriteError(`cannot access ${path11}: ${code ?? "error"}`);
  }
}
function refusedAt(path11) {
  try {
    checkWritable(path11, { overwrite: false });
  } catch (e) {
    return failure(path11, e);
  }
  return refusedExisting(path11);
}
async function moveIntoPlaceOnPool(staged) {
  const { path: path11, tmp } = staged;
  let moved = false;
  try {
    if (staged.overwrite) {
      if ((await lstatOrNullAsync(path11))?.isSymbolicLink()) throw refusedLink(path11);
      await onPool((done) => (0, import_node_fs5.rename)(tmp, path11, done));
      moved = true;
      return;
    }
    try {
      await onPool((done) => (0, import_node_fs5.link)(tmp, path11, done));
    } catch (e) {
      const code = e.code ?? "";
      if (code === "EEXIST") throw refusedAt(path11);
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
      if (await lstatOrNullAsync(path11)) throw refusedExisting(path11);
      await onPool((done) => (0, import_node_fs5.rename)(tmp, path11, done));
      moved = true;
      return;
    }
    moved = true;
    await onPool((done) => (0, import_node_fs5.unlink)(tmp, done)).catch(() => void 0);
  } catch (e) {
    throw failure(path11, e);
  } finally {
    if (!moved) unlinkQuietly(tmp);
  }
}
async function commitWrite(staged) {
  if (staged.synced) return moveIntoPlaceOnPool(staged);
  const { path: path11, tmp } = staged;
  let moved = false;
  try {
    const fd = (0, import_node_fs5.openSync)(tmp, import_node_fs5.constants.O_RDWR);
    try {
      await onPool((done) => (0, import_node_fs5.fsync)(fd, done));
    } finally {
      (0, import_node_fs5.closeSync)(fd);
    }
    if (staged.overwrite) {
      if (lstatOrNull(path11)?.isSymbolicLink()) throw refusedLink(path11);
      (0, import_node_fs5.renameSync)(tmp, path11);
      moved = true;
      return;
    }
    try {
      (0, import_node_fs5.linkSync)(tmp, path11);
    } catch (e) {
      const code = e.code ?? "";
      if (code === "EEXIST") throw refusedExisting(path11);
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
      if (lstatOrNull(path11)) throw refusedExisting(path11);
      (0, import_node_fs5.renameSync)(tmp, path11);
      moved = true;
    }
  } catch (e) {
    throw failure(path11, e);
  } finally {
    if (!moved) unlinkQuietly(tmp);
  }
}
async function atomicWrite(path11, data, options = {}) {
  await commitWrite(stageWrite(path11, data, options));
}

// src/util/confine.ts
function real(p) {
  try {
    return import_node_fs6.realpathSync.native(p);
  } catch {
    const parent = path6.dirname(p);
    return parent === p ? p : path6.join(real(parent), path6.basename(p));
  }
}
function within(root, abs) {
  const r = real(root);
  const a = real(abs);
  return a === r || a.startsWith(r.endsWith(path6.sep) ? r : r + path6.sep);
}
function lexicallyWithin(root, abs) {
  const rel = path6.relative(root, abs);
  return rel !== "" && !rel.startsWith("..") && !path6.isAbsolute(rel);
}
function prepareInside(root, file) {
  const abs = path6.resolve(root, file);
  if (!lexicallyWithin(root, abs)) throw new WriteError(`refusing to write ${file}: it is outside ${root}`);
  let dir = root;
  for (const part of path6.relative(root, path6.dirname(abs)).split(path6.sep).filter(Boolean)) {
    dir = path6.join(dir, part);
    const st = (0, import_node_fs6.lstatSync)(dir, { throwIfNoEntry: false });
    if (!st) (0, import_node_fs6.mkdirSync)(dir);
    else if (st.isSymbolicLink()) throw new WriteError(`refusing to write ${file}: ${path6.relative(root, dir)} is a symbolic link`);
    else if (!st.isDirectory()) throw new WriteError(`refusing to write ${file}: ${path6.relative(root, dir)} is not a directory`);
  }
  return abs;
}

// src/lint.ts
var isFullModel = (l) => "assignments" in l.model;
async function lintPaths(inputs, options) {
  const config = options.config ?? DEFAULT_CONFIG;
  const rules2 = options.rules ?? rules;
  const results = [];
  const parsed = [];
  const configFor = async (abs) => options.configFor ? (await options.configFor(abs)).config : config;
  if (options.stdin) {
    const { text, filename } = options.stdin;
    const format = formatFromName(filename) ?? sniffFormat(text);
    parsed.push({ abs: path7.resolve(options.cwd, filename), model: parseFile(filename, text, format), config });
  }
  const outside = options.root === void 0 ? [] : inputs.filter((i) => !isGlob(i) && !within(options.root, path7.resolve(options.cwd, i)));
  const found = await discover(inputs.filter((i) => !outside.includes(i)), options.cwd, config.ignore);
  for (const i of outside) found.errors.push({ display: i, message: "not read: it is outside the workspace" });
  if (options.root !== void 0) confine(found, options.root);
  for (const e of found.errors) results.push({ file: e.display, format: null, findings: [], errors: [{ message: e.message, line: 1, column: 1 }] });
  const { files, configs, configIndex } = await withConfigs(found.files, options);
  const outcomes = await lintFiles(files, rules2, configs, configIndex, options.jobs ?? 1, options.workerScript);
  const byAbs = /* @__PURE__ */ new Map();
  files.forEach((f, i) => {
    const o = outcomes[i];
    if (o.kind === "unread") results.push(o.result);
    else if (o.kind === "linted") {
      results.push(o.result);
      byAbs.set(f.abs, { abs: f.abs, model: { format: o.format, scopes: o.scopes } });
    } else {
      const p = { abs: f.abs, model: o.model, config: configs[configIndex[i]] };
      byAbs.set(f.abs, p);
      parsed.push(p);
    }
  });
  link2(parsed, byAbs, options.root);
  for (const p of parsed) results.push(runRules(p.model, rules2, p.config ?? await configFor(p.abs)));
  results.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return { files: results };
}
async function withConfigs(found, options) {
  const base = options.config ?? DEFAULT_CONFIG;
  if (!options.configFor) return { files: found, configs: [base], configIndex: found.map(() => 0) };
  const files = [];
  const configs = [];
  const configIndex = [];
  for (const f of found) {
    const { file, config } = await options.configFor(f.abs);
    if (file !== null && ignoredBy(config.ignore, path7.dirname(file), f.abs)) continue;
    let i = configs.indexOf(config);
    if (i < 0) i = configs.push(config) - 1;
    files.push(f);
    configIndex.push(i);
  }
  return { files, configs, configIndex };
}
function link2(parsed, byAbs, root) {
  const readable = (abs) => root === void 0 || within(root, abs);
  const dockerfiles = /* @__PURE__ */ new Map();
  const unreadableEnv = /* @__PURE__ */ new Set();
  const loaders = /* @__PURE__ */ new Map();
  const composes = parsed.filter((p) => p.model.format === "compose");
  for (const c of composes) {
    const dir = path7.dirname(c.abs);
    for (const svc of c.model.scopes) {
      if (!svc.build || svc.golang) continue;
      const dfAbs = path7.resolve(dir, svc.build.context, svc.build.dockerfile);
      let df = byAbs.get(dfAbs) ?? dockerfiles.get(dfAbs);
      if (df === void 0) {
        const model = readable(dfAbs) ? parseLinkedFile(dfAbs, displayFor(c.model.path, dir, dfAbs), "dockerfile") : null;
        df = model ? { abs: dfAbs, model: { format: model.format, scopes: model.scopes } } : null;
        dockerfiles.set(dfAbs, df);
      }
      if (!df || df.model.format !== "dockerfile") continue;
      const stages = df.model.scopes;
      const target = svc.build.target ? stages.find((s) => s.name === svc.build.target.toLowerCase()) : stages[stages.length - 1];
      if (target?.golang) {
        svc.golang = true;
        svc.goroot = target.goroot;
        svc.windows = target.windows;
      }
    }
    let byName;
    for (const ref of c.model.envFiles) {
      const abs = envFileAbs(c, dir, ref);
      let env = byAbs.get(abs);
      if (!env) {
        if (unreadableEnv.has(abs) || !readable(abs)) continue;
        const fresh = linked(abs, parseLinkedFile(abs, displayFor(c.model.path, dir, abs), "env-file", ref.format));
        if (!fresh) {
          unreadableEnv.add(abs);
          continue;
        }
        env = fresh;
        byAbs.set(abs, env);
        parsed.push(fresh);
      }
      if (!isFullModel(env) || env.model.format !== "env-file") continue;
      byName ??= scopesByName(c.model.scopes);
      addLoaders(env.model, ref.services, byName, loaders);
    }
  }
}
function envFileAbs(c, dir, ref) {
  if (path7.posix.isAbsolute(ref.resolved) || /^[A-Za-z]:\//.test(ref.resolved)) return path7.resolve(ref.resolved);
  const shownDir = path7.posix.dirname(c.model.path.split(path7.sep).join("/"));
  return path7.resolve(dir, path7.posix.relative(shownDir, ref.resolved));
}
function scopesByName(scopes) {
  const m = /* @__PURE__ */ new Map();
  for (const s of scopes) if (!m.has(s.name)) m.set(s.name, s);
  return m;
}
function addLoaders(model, services, byName, all) {
  let l = all.get(model);
  if (!l) {
    const list = [...new Set(model.assignments[0]?.services ?? [])];
    l = { names: new Set(list), list, scopes: new Set(model.scopes.map((s) => s.name)) };
    all.set(model, l);
    for (const a of model.assignments) a.services = l.list;
  }
  for (const name of services) {
    if (!l.names.has(name)) {
      l.names.add(name);
      l.list.push(name);
    }
    const svc = byName.get(name);
    if (svc && !l.scopes.has(name)) {
      l.scopes.add(name);
      model.scopes.push({ ...svc });
    }
  }
}
var linked = (abs, model) => model ? { abs, model } : null;
function confine(found, root) {
  found.files = found.files.filter((f) => {
    if (within(root, f.abs)) return true;
    if (f.explicit) found.errors.push({ display: f.display, message: "not read: it is outside the workspace" });
    return false;
  });
}
function displayFor(composeDisplay, composeDir, abs) {
  const displayDir = path7.posix.dirname(composeDisplay.split(path7.sep).join("/"));
  const rel = path7.relative(composeDir, abs).split(path7.sep).join("/");
  return displayDir === "." ? rel : path7.posix.normalize(`${displayDir}/${rel}`);
}

// src/config-file.ts
var import_node_fs7 = require("node:fs");
var path8 = __toESM(require("node:path"));
var import_yaml2 = __toESM(require_dist());
var CONFIG_NAMES = [".godock.yaml", ".godock.yml"];
function configIn(dir) {
  for (const n of CONFIG_NAMES) {
    const p = path8.join(dir, n);
    try {
      if ((0, import_node_fs7.statSync)(p, { throwIfNoEntry: false })?.isFile()) return p;
    } catch {
    }
  }
  return null;
}
async function findConfig(dir) {
  for (let cur = path8.resolve(dir); ; cur = path8.dirname(cur)) {
    const found = configIn(cur);
    if (found !== null || path8.dirname(cur) === cur) return found;
  }
}
function configLookup(shown3, known2) {
  const nearest = /* @__PURE__ */ new Map();
  const loaded = /* @__PURE__ */ new Map();
  if (known2?.file) loaded.set(known2.file, Promise.resolve(known2.config));
  const find = (dir) => {
    const seen = [];
    let found;
    for (let cur = dir; found === void 0; ) {
      if (nearest.has(cur)) found = nearest.get(cur);
      else {
        seen.push(cur);
        found = configIn(cur) ?? (path8.dirname(cur) === cur ? null : void 0);
        cur = path8.dirname(cur);
      }
    }
    for (const d of seen) nearest.set(d, found);
    return found;
  };
  return async (file) => {
    const p = find(path8.dirname(path8.resolve(file)));
    if (p === null) return { file: null, config: DEFAULT_CONFIG };
    let c = loaded.get(p);
    if (!c) loaded.set(p, c = loadConfig(p, shown3(p)));
    return { file: p, config: await c };
  };
}
async function readConfigText(file) {
  let fh;
  try {
    fh = await import_node_fs7.promises.open(file, "r");
  } catch (e) {
    const code = e.code;
    return { error: code === "ENOENT" ? "configuration file not found" : `cannot read configuration: ${reason(code)}`, line: 1 };
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) return { error: "cannot read configuration: it is a directory", line: 1 };
    if (st.isFile() && st.size > MAX_FILE_BYTES) return inConfig(tooLarge(st.size));
    return inConfig(await readStream(fh.createReadStream({ autoClose: false })));
  } catch (e) {
    return { error: `cannot read configuration: ${reason(e.code)}`, line: 1 };
  } finally {
    await fh.close().catch(() => void 0);
  }
}
var reason = (code) => code === "EACCES" || code === "EPERM" ? "permission denied" : code ?? "error";
function inConfig(d) {
  if ("text" in d) return d;
  const error = d.error.startsWith("cannot read: ") ? `cannot read configuration: ${d.error.slice("cannot read: ".length)}` : `not a usable configuration: ${d.error.replace(/; refusing to lint it$/, "")}`;
  return { error, line: d.line };
}
async function loadConfig(file, display) {
  if (!file) return DEFAULT_CONFIG;
  const shown3 = display ?? file;
  const read = await readConfigText(file);
  if ("error" in read) throw new ConfigError(shown3, read.line, read.error);
  const { text } = read;
  const lc = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, logLevel: "error" });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ConfigError(shown3, lc.linePos(e.pos[0]).line, `invalid YAML: ${yamlReason(e.message)}`);
  }
  const known2 = new Set(rules.map((r) => r.id));
  const lineOf = (p) => {
    let node = doc.contents;
    let line = 1;
    for (const key2 of p) {
      if (!(0, import_yaml2.isMap)(node)) break;
      const pair = node.items.find((it) => (0, import_yaml2.isScalar)(it.key) && String(it.key.value) === String(key2));
      if (!pair) break;
      const k = pair.key;
      if (k.range) line = lc.linePos(k.range[0]).line;
      node = pair.value;
    }
    return line;
  };
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError(shown3, 1, `invalid YAML: ${yamlReason(e.message)}`);
  }
  return resolveConfig(raw, shown3, known2, { lineOf });
}

// src/session.ts
function shown2(cwd, abs) {
  return path9.relative(cwd, abs) || abs;
}
function problemOf(e) {
  if (e instanceof ConfigError) return { kind: "config", message: e.message, file: e.file, line: e.line };
  if (e instanceof GlobError) return { kind: "glob", message: e.message };
  return null;
}
async function lintSession(req) {
  try {
    const configFile = req.configPath ? path9.resolve(req.cwd, req.configPath) : await findConfig(req.cwd);
    const config = await loadConfig(configFile, req.configPath ?? (configFile ? shown2(req.cwd, configFile) : void 0));
    const configFor = req.configPath ? void 0 : configLookup((abs) => shown2(req.cwd, abs), { file: configFile, config });
    const result = await lintPaths(req.inputs, { ...req.lint, cwd: req.cwd, config, ...configFor ? { configFor } : {} });
    return { ok: true, result, config };
  } catch (e) {
    const problem = problemOf(e);
    if (!problem) throw e;
    return { ok: false, problem };
  }
}
function exitCodeOf(result, failLevel) {
  if (result.files.some((f) => f.errors.length > 0)) return 2;
  if (failLevel === "none") return 0;
  return result.files.some((f) => f.findings.some((x) => atLeast(x.severity, failLevel))) ? 1 : 0;
}

// src/action.ts
var InputError = class extends Error {
};
function getInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function getSwitch(env, name, dflt) {
  const v = getInput(env, name).toLowerCase();
  if (v === "") return dflt;
  if (["on", "true", "yes", "1"].includes(v)) return true;
  if (["off", "false", "no", "0"].includes(v)) return false;
  throw new InputError(`input "${name}" must be on/off (or true/false), got "${v}"`);
}
function readInputs(env) {
  const paths = getInput(env, "paths").split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  const fl = getInput(env, "fail-level").toLowerCase();
  if (fl !== "" && !["info", "warning", "error", "none"].includes(fl))
    throw new InputError(`input "fail-level" must be one of info, warning, error, none; got "${fl}"`);
  const format = getInput(env, "format") || "stylish";
  if (!isFormatName(format)) throw new InputError(`input "format" must be one of ${FORMAT_NAMES.join(", ")}; got "${format}"`);
  return {
    paths: paths.length ? paths : ["."],
    config: getInput(env, "config"),
    failLevel: fl === "" ? null : fl,
    format,
    sarifFile: getInput(env, "sarif-file"),
    onlyChanged: getSwitch(env, "only-changed", false),
    annotations: getSwitch(env, "annotations", true)
  };
}
function setOutput(env, name, value) {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const delim = `ghadelimiter_${(0, import_node_crypto4.randomUUID)()}`;
  if (value.includes(delim)) throw new Error("output value contains its delimiter");
  (0, import_node_fs8.appendFileSync)(file, `${name}<<${delim}
${value}
${delim}
`);
}
var SHA = /^[0-9a-f]{7,64}$/i;
function changedFiles(env, workspace) {
  const event = env.GITHUB_EVENT_NAME ?? "";
  if (event !== "pull_request" && event !== "pull_request_target")
    return { fallback: `only-changed applies to pull_request events (this is "${event || "unknown"}"): linting all files` };
  let base;
  let head;
  try {
    const payload = JSON.parse((0, import_node_fs8.readFileSync)(env.GITHUB_EVENT_PATH ?? "", "utf8"));
    base = payload.pull_request?.base?.sha;
    head = payload.pull_request?.head?.sha;
  } catch {
    return { fallback: "only-changed: cannot read the event payload (GITHUB_EVENT_PATH): linting all files" };
  }
  if (typeof base !== "string" || typeof head !== "string" || !SHA.test(base) || !SHA.test(head))
    return { fallback: "only-changed: the event payload has no pull_request base/head commits: linting all files" };
  try {
    const out = (0, import_node_child_process.execFileSync)("git", ["diff", "--name-only", "-z", "--diff-filter=ACMR", "--relative", `${base}...${head}`, "--"], {
      cwd: workspace,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024
    });
    return { files: new Set(out.split("\0").filter(Boolean)) };
  } catch {
    return {
      fallback: "only-changed: git could not diff the pull request (is the base commit fetched? use actions/checkout with fetch-depth: 0): linting all files"
    };
  }
}
function sarifTarget(env, workspace, file) {
  const temp = env.RUNNER_TEMP ? path10.resolve(env.RUNNER_TEMP) : null;
  const abs = path10.resolve(workspace, file);
  const base = temp && path10.isAbsolute(file) && !path10.relative(temp, abs).startsWith("..") ? temp : workspace;
  return prepareInside(base, abs);
}
function keepChanged(result, workspace, changed) {
  return { files: result.files.filter((f) => changed.has(relativeTo(workspace, f.file) ?? "")) };
}
async function runAction(env, io, cwd = process.cwd()) {
  const say = (s) => io.stdout.write(s.endsWith("\n") ? s : `${s}
`);
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    say(command("error", e.message, { title: "godock: invalid input" }));
    return 2;
  }
  const workspace = path10.resolve(env.GITHUB_WORKSPACE || cwd);
  const notes = [];
  const session = await lintSession({ cwd: workspace, inputs: inputs.paths, ...inputs.config ? { configPath: inputs.config } : {}, lint: { root: workspace } });
  if (!session.ok) {
    const p = session.problem;
    say(command("error", p.message, p.kind === "config" ? { file: p.file, line: p.line, title: "godock: invalid configuration" } : { title: "godock: invalid glob" }));
    return 2;
  }
  const config = session.config;
  let result = session.result;
  if (inputs.onlyChanged) {
    const changed = changedFiles(env, workspace);
    if ("fallback" in changed) {
      notes.push(changed.fallback);
      say(command("notice", changed.fallback, { title: "godock: only-changed" }));
    } else {
      result = keepChanged(result, workspace, changed.files);
      notes.push(`only-changed: linted ${result.files.length} of the ${changed.files.size} files this pull request changes (the others are not Dockerfiles, compose or env files, or are outside paths).`);
    }
  }
  const ctx = { rules, cwd: workspace, color: false, version: VERSION };
  const findings = result.files.flatMap((f) => f.findings);
  const errorCount = result.files.reduce((n, f) => n + f.errors.length, 0);
  if (!(inputs.format === "github" && inputs.annotations)) {
    const text = formatters[inputs.format](result, ctx);
    if (text) io.stdout.write(text);
  }
  if (inputs.annotations) for (const line of limitedAnnotations(result, workspace).lines) say(line);
  let code = 0;
  if (inputs.sarifFile) {
    try {
      await atomicWrite(sarifTarget(env, workspace, inputs.sarifFile), `${JSON.stringify(toSarif(result, ctx), null, 2)}
`);
    } catch (e) {
      const why = e instanceof WriteError ? e.message : e.code ?? e.message;
      say(command("error", `cannot write the SARIF file: ${visible(why)}`, { title: "godock" }));
      code = 2;
    }
  }
  if (env.GITHUB_STEP_SUMMARY) {
    try {
      (0, import_node_fs8.appendFileSync)(env.GITHUB_STEP_SUMMARY, jobSummary(result, { rules, notes }));
    } catch (e) {
      say(command("warning", `cannot write the job summary: ${e.code ?? e.message}`, { title: "godock" }));
    }
  }
  setOutput(env, "findings", String(findings.length));
  setOutput(env, "errors", String(errorCount));
  setOutput(env, "sarif-file", code === 0 ? inputs.sarifFile : "");
  const failLevel = inputs.failLevel ?? config.failLevel;
  const verdict = exitCodeOf(result, failLevel);
  if (verdict === 2) {
    say(`godock: ${errorCount} file ${errorCount === 1 ? "error" : "errors"} (unreadable or unparsable input): failing the step.`);
    return 2;
  }
  if (code !== 0) return code;
  if (verdict === 1) {
    const failing = findings.filter((f) => failLevel !== "none" && atLeast(f.severity, failLevel)).length;
    say(`godock: ${failing} ${failing === 1 ? "finding" : "findings"} at or above fail-level "${failLevel}": failing the step.`);
    return 1;
  }
  return 0;
}
if (require.main === module) {
  runAction(process.env, { stdout: process.stdout }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stdout.write(`${command("error", `internal error: ${e?.message ?? String(e)}`, { title: "godock" })}
`);
      process.exitCode = 2;
    }
  );
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  InputError,
  changedFiles,
  getInput,
  getSwitch,
  readInputs,
  runAction,
  sarifTarget,
  setOutput
});
