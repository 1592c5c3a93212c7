import type { FileFormat } from '../model';

/** Formats godock recognises by file name; null for names it does not lint by default. */
export function formatFromName(file: string): FileFormat | null {
  const base = (file.split(/[\\/]/).pop() ?? file).toLowerCase();
  if (/^(docker-)?compose([._-][^/]*)?\.ya?ml$/.test(base)) return 'compose';
  if (/^(docker|container)file$/.test(base) || /\.(docker|container)file$/.test(base)) return 'dockerfile';
  if (/^(docker|container)file[._-]/.test(base)) {
    // Dockerfile.prod, Dockerfile-dev, Containerfile.alpine — but not Dockerfile.md, Dockerfile.dockerignore, …
    if (/\.(md|txt|rst|dockerignore|go|py|js|ts|json|sh|ps1|bak|orig|swp|yml|yaml|toml|lock|sum)$/.test(base)) return null;
    return 'dockerfile';
  }
  if (base === '.env' || /^\.env\.[^/]+$/.test(base) || /\.env$/.test(base)) {
    if (/\.(example|sample|template|dist|tmpl)$/.test(base)) return null;
    return 'env-file';
  }
  return null;
}

/** Guesses the format of a file whose name says nothing (an explicit argument or stdin). */
export function sniffFormat(text: string): FileFormat {
  if (/^\s*(services|version|x-[\w-]+|volumes|networks|include)\s*:/m.test(text)) return 'compose';
  if (/^\s*(FROM|ARG)\s+\S/im.test(text)) return 'dockerfile';
  if (/^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_.-]*=/m.test(text)) return 'env-file';
  return 'dockerfile';
}

/** A file that announces itself as a template or example by its name (`.env.example`, `example.env`, `compose.template.yml`). */
export function isTemplateName(file: string): boolean {
  const base = (file.split(/[\\/]/).pop() ?? file).toLowerCase();
  return /(?:^|[._-])(?:example|examples|sample|template|tmpl|dist)(?:[._-]|$)/.test(base);
}
