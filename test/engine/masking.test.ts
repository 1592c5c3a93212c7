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

describe('pieces of a file secret quoted by other rules (fuzzer counterexamples)', () => {
  const GH = 'ghp_FkUm4hGmRHIHV348DaH1arahMT7jqOMg187q'; // fake, well-formed
  const leaks = (text: string, secret: string) => Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8)).filter((s) => text.includes(s));

  it('a GOPATH entry cut out of a token', () => {
    const r = lintText('Dockerfile', `FROM golang:1.22 AS build\r\r\nENV API_TOKEN=\${X:--mod=vendor} GOPATH=${GH}\r\r\nLABEL gopath="${GH} and more"`);
    expect(leaks(JSON.stringify(r), GH)).toEqual([]);
  });

  it('a "name" made out of a value by a NUL byte', () => {
    const r = lintText('Dockerfile', `FROM golang:1.22\nARG CLIENT_SECRET\u0000"${GH} and more"\nRUN echo done\n`);
    expect(leaks(JSON.stringify(r), GH)).toEqual([]);
  });

  it('lone CR line breaks: positions and RUN text line up with dockerfile-ast', () => {
    const r = lintText('Dockerfile', `FROM golang:1.22\r\r\nENV GOROOT "<your-token> and more"\r\r\nRUN export GOPATH="${GH}" && go build ./...\n`);
    expect(r.findings.filter((f) => f.ruleId === 'secret-in-run').map((f) => f.loc.line)).toEqual([5]);
    expect(leaks(JSON.stringify(r), GH)).toEqual([]);
  });
});
