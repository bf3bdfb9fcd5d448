import { checkTag, lookupPath } from '../../../src/adapters/documents/docx';

describe('checkTag', () => {
  it.each(['company.name', 'sections', 'a_b.c1', '.', ' customer.no '])('accepts %j', (tag) => {
    expect(checkTag(tag).ok).toBe(true);
  });

  it.each([
    '__proto__', 'constructor', 'prototype', 'a.constructor', 'constructor.constructor', 'a.__proto__.b', 'x.prototype',
    'a+b', 'a.b()', 'a[0]', 'a["b"]', "a['b']", 'a..b', '.a', 'a.', '', 'a b', 'a|b', 'a-b', 'this.a', '$a', 'é', 'a\u0000',
  ])('refuses %j', (tag) => {
    const c = checkTag(tag);
    if (tag === 'this.a') {
      expect(c.ok).toBe(true); // only a name: "this" is looked up as data like any other
      return;
    }
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.reason.en).toContain(`{${tag}}`);
      expect(c.reason.fr).toContain(`{${tag}}`);
    }
  });
});

describe('lookupPath', () => {
  const root = { company: { name: 'N', bank: { iban: 'FR76' } }, sections: [{ currency: 'EUR', lines: [{ document: 'A1' }] }], empty: '' };
  const section = root.sections[0] as object;
  const line = { document: 'A1' };

  it('dotted paths of own properties, innermost scope first, "." for the current item', () => {
    expect(lookupPath([root], ['company', 'bank', 'iban'])).toEqual({ found: true, value: 'FR76' });
    expect(lookupPath([root, section, line], ['document'])).toEqual({ found: true, value: 'A1' });
    expect(lookupPath([root, section, line], ['currency'])).toEqual({ found: true, value: 'EUR' });
    expect(lookupPath([root, section, line], ['company', 'name'])).toEqual({ found: true, value: 'N' });
    expect(lookupPath([root, section, 'text'], [])).toEqual({ found: true, value: 'text' });
    expect(lookupPath([root], ['empty'])).toEqual({ found: true, value: '' });
  });

  it('the first scope owning the first name decides; the rest must be inside it', () => {
    expect(lookupPath([root, { company: {} }], ['company', 'name'])).toEqual({ found: false });
  });

  it('never inherited names, getters, functions\' properties or class instances', () => {
    expect(lookupPath([root], ['toString'])).toEqual({ found: false });
    expect(lookupPath([root], ['company', 'hasOwnProperty'])).toEqual({ found: false });
    expect(lookupPath([root], ['sections', 'map'])).toEqual({ found: false });
    expect(lookupPath([root], ['empty', 'length'])).toEqual({ found: false });
    let ran = false;
    const withGetter = Object.defineProperty({}, 'x', { get: () => ((ran = true), 'y'), enumerable: true });
    expect(lookupPath([withGetter], ['x'])).toEqual({ found: false });
    expect(ran).toBe(false);
    const fn = Object.assign(() => 1, { name2: 'f' });
    expect(lookupPath([{ fn }], ['fn', 'name2'])).toEqual({ found: false });
    expect(lookupPath([new Date(0)], ['getTime'])).toEqual({ found: false });
    expect(lookupPath([{ d: new (class { a = 1 })() }], ['d', 'a'])).toEqual({ found: false });
    expect(lookupPath([Object.create(null, { a: { value: 1, enumerable: true } })], ['a'])).toEqual({ found: true, value: 1 });
  });
});
