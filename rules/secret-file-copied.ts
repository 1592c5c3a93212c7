import { defineRule } from '../src/engine/define-rule';
import { credentialFileKind } from '../src/classify/files';

/**
 * COPY/ADD of private keys and credential files (`id_rsa`, `*.key`, private `*.pem`, `.env`,
 * `.npmrc`, `.netrc`, `.pypirc`, `.aws/credentials`, kubeconfig, `.docker/config.json`, …) puts
 * them in an image layer, where deleting them later does not help.
 */
export default defineRule({
  id: 'secret-file-copied',
  category: 'secret',
  severity: 'error',
  description: 'Private key or credential file copied into the image',
  formats: ['dockerfile'],
  tags: ['security', 'secrets'],
  messages: {
    copied:
      '{{instruction}} puts {{path}} ({{what}}) into an image layer; removing it later does not erase it. Mount it for the step that needs it (RUN --mount=type=secret,id=…,target=…) or provide it at run time, and list it in .dockerignore.',
  },
  check(model, ctx) {
    for (const c of model.copies) {
      if (c.from !== undefined) continue; // copied from another stage: reported where it entered
      for (const s of c.sources) {
        const what = credentialFileKind(s.path, c.dest?.path);
        if (what) ctx.report({ loc: s.loc, messageId: 'copied', data: { instruction: c.instruction, path: s.path, what } });
      }
    }
  },
});
