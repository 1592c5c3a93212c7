import { cleanGoPath, isAbsGoPath, joinGoPath, pathRelation, splitGoPathList } from '../../src/go/paths';

describe('isAbsGoPath', () => {
  it.each([
    ['/go', false, true],
    ['go', false, false],
    [' /go', false, false],
    ['C:\\go', false, false],
    ['C:\\go', true, true],
    ['C:/go', true, true],
    ['\\go', true, false],
    ['\\\\server\\share', true, true],
    ['/go', true, false],
    ['C:\\go', null, true],
    ['\\go', null, true],
    ['./go', null, false],
  ] as const)('%s (windows=%s) → %s', (p, w, want) => expect(isAbsGoPath(p, w)).toBe(want));
});

describe('cleanGoPath / pathRelation / join / split', () => {
  it.each([
    ['/usr/local/go/', '/usr/local/go'],
    ['/usr//local/./go/../go', '/usr/local/go'],
    ['a/../..', '..'],
    ['C:/Program Files/Go/', 'c:\\Program Files\\Go'],
  ])('clean %s → %s', (p, want) => expect(cleanGoPath(p, null)).toBe(want));

  it.each([
    ['/usr/local/go', '/usr/local/go/', false, 'equal'],
    ['/usr/local/go/src/app', '/usr/local/go', false, 'inside'],
    ['/usr/local/go2', '/usr/local/go', false, null],
    ['/usr/local', '/usr/local/go', false, null],
    ['c:\\program files\\go\\src', 'C:\\Program Files\\Go', true, 'inside'],
    ['/anything', '/', false, 'inside'],
  ] as const)('%s vs %s', (c, p, w, want) => expect(pathRelation(c, p, w)).toBe(want));

  it('joins and splits per OS', () => {
    expect(joinGoPath('/go', '../src/app', false)).toBe('/src/app');
    expect(joinGoPath('C:\\go', 'src', true)).toBe('c:\\go\\src');
    expect(splitGoPathList('/a:/b', false)).toEqual(['/a', '/b']);
    expect(splitGoPathList('C:\\a;D:\\b', null)).toEqual(['C:\\a', 'D:\\b']);
    expect(splitGoPathList(':/go', false)).toEqual(['', '/go']);
  });
});
