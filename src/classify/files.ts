/**
 * File names that hold private keys or credentials. Public keys, certificates and CA bundles
 * are not secrets and are not listed.
 */
const FILES: [RegExp, string][] = [
  [/(^|\/)id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/, 'an SSH private key'],
  [/(^|\/)\.ssh(\/|$)(?!.*\.pub$)(?!.*known_hosts$)(?!.*config$)(?!.*authorized_keys2?$)/, 'an SSH directory'],
  [/(^|\/)[^/]*(private|priv|secret|server|client|tls|ssl|signing)[^/]*[-_.]?key\.pem$|(^|\/)[^/]*[-_.]key\.pem$|(^|\/)key\.pem$/, 'a private key'],
  [/(^|\/)[^/]+\.key$/, 'a private key'],
  [/(^|\/)[^/]+\.(p12|pfx|jks|keystore)$/, 'a key store'],
  [/(^|\/)\.env(\.(local|production|prod|staging|development|dev|secret|secrets))?$/, 'an env file with credentials'],
  [/(^|\/)\.npmrc$/, 'npm credentials'],
  [/(^|\/)\.netrc$/, 'netrc credentials'],
  [/(^|\/)\.pypirc$/, 'PyPI credentials'],
  [/(^|\/)\.git-credentials$/, 'git credentials'],
  [/(^|\/)\.aws(\/credentials)?$|(^|\/)aws\/credentials$/, 'AWS credentials'],
  [/(^|\/)\.docker\/config\.json$/, 'Docker registry credentials'],
  [/(^|\/)(\.kube\/config|kubeconfig(\.ya?ml)?)$/, 'a kubeconfig'],
  [/(^|\/)(credentials|client_secrets?|[^/]*service[-_]?account[^/]*)\.json$/, 'cloud credentials'],
  [/(^|\/)gcp[-_][^/]*(key|cred|credentials|sa|service[-_]?account)[^/]*\.json$/, 'cloud credentials'],
  [/(^|\/)\.htpasswd$/, 'password hashes'],
  [/(^|\/)secrets?\.(ya?ml|json|env|txt)$/, 'a secrets file'],
  [/(^|\/)\.vault-token$/, 'a Vault token'],
  [/(^|\/)\.gnupg(\/|$)|(^|\/)[^/]*secret[^/]*\.(gpg|asc)$/, 'GnuPG secret keys'],
];

/** A path as the patterns read it: forward slashes, no trailing slash or `/.`, lower case. */
function normal(path: string): string {
  return path.replace(/\\/g, '/').replace(/(\/\.)+$/, '').replace(/\/+$/, '').toLowerCase();
}

/** The kind of credential a path names, unless it names public material. */
function kindOfPath(p: string): string | null {
  // Public material: public keys, certificates, CA bundles, apt/yum repository signing keys.
  if (/(gpg|apt|repo|release|archive|keyring|pubkey|public)[^/]*$/.test(p)) return null;
  if (/\.(pub|crt|cer|pem\.pub)$/.test(p) || /(^|\/)(ca|cert|certs|chain|fullchain|cacert|ca-bundle)[^/]*\.pem$/.test(p)) return null;
  for (const [re, what] of FILES) if (re.test(p)) return what;
  return null;
}

/**
 * What kind of credential file a COPY/ADD source is, or null: by its own name, or by where it
 * lands (`COPY deploy_key /root/.ssh/id_ed25519`, `COPY ssh_keys/. /root/.ssh/`,
 * `COPY config.json /root/.docker/config.json`). A destination named like a public key
 * (`/war/jenkins-key.pub`, `…/trusted.gpg`) says the file is public; an example file copied into
 * place (`COPY .env.example .env`) holds examples.
 */
export function credentialFileKind(source: string, dest?: string): string | null {
  if (dest && /\.(pub|asc|gpg|crt|cer)$|(^|\/)trusted\.gpg\.d\//i.test(dest)) return null;
  if (/^https?:\/\//i.test(source) || source.includes('$')) return null;
  const bySource = kindOfPath(normal(source));
  if (bySource || !dest || dest.includes('$') || /(^|[._-])(example|sample|template|dist)([._-]|$)/i.test(source)) return bySource;
  // Into a directory (`/root/.ssh/`, or a source that is a directory's contents), it keeps its name.
  const intoDir = /[\\/]$/.test(dest) || /(^|\/)\.$/.test(source.replace(/\/+$/, ''));
  const base = normal(source).split('/').pop() ?? '';
  const target = intoDir && base !== '' ? `${normal(dest)}/${base}` : normal(dest);
  return kindOfPath(target);
}
