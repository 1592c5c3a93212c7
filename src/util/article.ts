/**
 * "a" or "an" before a word as it is read aloud: acronyms and lower-case abbreviations by the name
 * of their first letter (an AWS key, an npm token, an SSH key, a JWT, a URL), other words by their
 * first sound (an amd64 binary, a GitHub token, a unique name, an OpenAI key).
 */
const VOWEL_LETTER_NAMES = new Set([...'aefhilmnorsx']);
const YOU_SOUNDS = /^(uni|use|usu|ura|uti|eu|one\b|once)/i;

export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = phrase.trim().split(/[\s_/-]/)[0] ?? '';
  if (word === '') return 'a';
  if (/^\d/.test(word)) return /^(8|11|18)(?!\d)|^8\d*/.test(word) ? 'an' : 'a';
  const acronym = /^[A-Z][A-Z0-9]+$/.test(word) || !/[aeiouy]/i.test(word.slice(0, 3));
  if (acronym) return VOWEL_LETTER_NAMES.has(word[0]!.toLowerCase()) ? 'an' : 'a';
  if (YOU_SOUNDS.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
