import { describe, expect, it } from 'vitest';
import { checkJoinForm, joinRefusal } from './join-form';

describe('checkJoinForm', () => {
  it('accepts a code in any case with spaces around, and a name', () => {
    expect(checkJoinForm(' pq3vfc ', ' Ada ')).toEqual({});
  });

  it('accepts the code typed as the projector shows it, with its space', () => {
    expect(checkJoinForm('443 CN7', 'Ada')).toEqual({});
    expect(checkJoinForm('443 cn7', 'Ada')).toEqual({});
  });

  it('asks for a name and for a code of 6 letters and digits', () => {
    expect(checkJoinForm('PQ3VFC', '   ').name).toMatch(/Enter your name/);
    expect(checkJoinForm('', 'Ada').code).toMatch(/Enter the join code/);
    expect(checkJoinForm('PQ3', 'Ada').code).toMatch(/6 letters and digits; this has 3/);
    // O and 0 are not in the alphabet: a learner who typed one misread the code, and is told which.
    expect(checkJoinForm('PQ3VF0', 'Ada').code).toMatch(/^“0”, the 6th character, is never in a join code/);
    expect(checkJoinForm('PQ3VFC', 'x'.repeat(31)).name).toMatch(/30 characters/);
  });
});

describe('joinRefusal', () => {
  it('puts each refusal beside the field it is about', () => {
    expect(joinRefusal({ code: 'name-taken', message: '' }, ' Grace ').name).toBe(
      'Someone in this class is already called “Grace”. Add an initial or choose another name.',
    );
    expect(joinRefusal({ code: 'unknown-join-code', message: '' }, 'Ada').code).toMatch(/No open class has this code/);
    expect(joinRefusal({ code: 'session-ended', message: '' }, 'Ada').code).toMatch(/This class is over/);
    expect(joinRefusal({ code: 'rate-limited', message: '' }, 'Ada').form).toMatch(/Too many attempts/);
  });
});
