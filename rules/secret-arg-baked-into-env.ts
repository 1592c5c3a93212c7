import { defineRule } from '../src/engine/define-rule';
import { classify, isSecretName } from '../src/classify';
import { referencedNames } from '../src/text/expand';

/**
 * `ARG TOKEN` then `ENV TOKEN=$TOKEN`: the build argument's value — whatever is passed with
 * --build-arg — is copied into an ENV and so persists in the image config of every container.
 */
export default defineRule({
  id: 'secret-arg-baked-into-env',
  category: 'secret',
  severity: 'error',
  description: 'Secret build argument persisted into the image through ENV',
  formats: ['dockerfile'],
  aliases: ['SecretsUsedInArgOrEnv'],
  tags: ['security', 'secrets'],
  messages: {
    baked:
      'ENV {{name}} copies build arg {{arg}} into the image environment, so the secret passed at build time is stored in the image. Use RUN --mount=type=secret,id={{id}} for build steps and inject {{name}} at run time.',
  },
  check(model, ctx) {
    // Build args per stage; an ARG whose default is a literal the classifier clears (a GPG
    // fingerprint under SWIFT_SIGNING_KEY, a version) is public and may be copied freely.
    const argsByScope = new Map<string, Set<string>>();
    for (const a of model.assignments) {
      if (a.kind !== 'arg' || a.viaOnbuild) continue;
      const key = a.scope ?? '';
      if (!argsByScope.has(key)) argsByScope.set(key, new Set());
      const c = a.value ? classify(a.name, a.value, ctx.classify) : null;
      if (c && !c.secret && c.valueKind === 'literal') argsByScope.get(key)!.delete(a.name);
      else argsByScope.get(key)!.add(a.name);
    }
    for (const a of model.assignments) {
      if (a.kind !== 'env' || !a.value) continue;
      const args = argsByScope.get(a.scope ?? '');
      if (!args) continue;
      // Only plain references count (`${T:-x}` defaults are literals: secret-in-env reports those).
      const refs = referencedNames(a.raw ?? a.value);
      const arg = refs.find((r) => args.has(r) && (isSecretName(r, ctx.classify).secret || isSecretName(a.name, ctx.classify).secret));
      if (!arg) continue;
      ctx.report({ loc: a.valueLoc ?? a.nameLoc, messageId: 'baked', data: { name: a.name, arg, id: arg.toLowerCase() } });
    }
  },
});
