/**
 * A finding's message masks the secret value's own span and nothing else: not the message's
 * words, not the variable's name, not the rest of the report.
 */
import { lintText } from '../../src/lint';

const messages = (file: string, text: string) => lintText(file, text).findings.map((f) => f.message);

describe('message masking', () => {
  it('a one-character secret masks only itself', () => {
    const [m] = messages('Dockerfile', 'FROM alpine\nENV DB_PASSWORD=e\n');
    expect(m).toBe(
      'ENV DB_PASSWORD holds a hardcoded password (****(1)); it is stored in every image layer. Inject it at run time (docker run -e / secrets) or use RUN --mount=type=secret for build steps.',
    );
  });

  it('a secret equal to part of the name leaves the name alone', () => {
    const [m] = messages('Dockerfile', 'FROM alpine\nENV MY_SECRET=SECRET\n');
    expect(m).toMatch(/^ENV MY_SECRET holds a hardcoded secret \(S\*\*\*\*\(6\)\)/);
  });

  it('names are not masked, also in the fix advice', () => {
    const [m] = messages('compose.yaml', 'services:\n  gitea:\n    image: gitea\n    environment:\n      GITEA__database__PASSWD: Xk9mQ2vLp7wRt4zB\n');
    expect(m).toContain('GITEA__database__PASSWD is given a hardcoded');
    expect(m).toContain('a GITEA__database__PASSWD_FILE variable');
    expect(m).not.toContain('Xk9mQ2vL');
  });

  it('a compose key typo (no space after the colon) is read as KEY=value and masked', () => {
    const r = lintText('compose.yaml', 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD:Tr0ub4dor&3-horse!\n');
    const f = r.findings.find((x) => x.ruleId === 'secret-in-env')!;
    expect(f.loc).toEqual({ line: 6, column: 25, endLine: 6, endColumn: 43 });
    expect(f.message).toMatch(/^POSTGRES_PASSWORD is given a hardcoded password \(Tr0u\*\*\*\*\(18\)\)/);
    expect(JSON.stringify(r)).not.toContain('Tr0ub4do');
  });

  it('GOFLAGS values keep secret assignments masked', () => {
    const r = lintText('Dockerfile', 'FROM golang:1.22\nENV GOFLAGS="-ldflags=-X main.password=Hq7vN2xZ8mK3pR5t -mod=mod"\n');
    expect(JSON.stringify(r)).not.toContain('Hq7vN2xZ');
  });

  it('parse errors do not quote the value', () => {
    const r = lintText('compose.yaml', 'services:\n  db:\n    image: postgres\n    environment:\n      DB_PASSWORD: "Xy\\Uq7Zr9Kp2Lm5Nq"\n');
    expect(r.errors.map((e) => e.message)).toEqual(['Invalid escape sequence']);
    expect(JSON.stringify(r)).not.toMatch(/q7Zr9Kp2|Uq7Zr9Kp/);
  });
});
