import { describe, expect, it } from 'vitest';
import { type LessonFacts, type LessonRow, lessonFor, lessonKind, MIN_TELLING_HOURS, rankMoments, whimWeight } from './debrief-lesson';

const calm: LessonRow = { balancedScore: 70, exhaustion: 25, loyalty: 62, profitCents: 1_200_000, staffLost: 0 };
const idle: LessonRow = { balancedScore: 51, exhaustion: 10, loyalty: 40, profitCents: 800_000, staffLost: 0 };
const balancedMix = { accommodate: 10, premium: 10, option: 0, no: 5, ignored: 0 };

function facts(change: Partial<LessonFacts>): LessonFacts {
  return { you: calm, strategist: calm, idle, mix: balancedMix, optionsBuilt: 1, brokenPromises: 0, currency: 'EUR', ...change };
}

describe('lessonFor', () => {
  it('gives a game where every card ran out the lesson about ignoring, with the team that did nothing', () => {
    const mix = { accommodate: 0, premium: 0, option: 0, no: 0, ignored: 40 };
    const lesson = lessonFor(facts({ you: idle, mix, optionsBuilt: 0 }));
    expect(lessonKind(facts({ you: idle, mix }))).toBe('ignored');
    expect(lesson).toMatch(
      /^Every customer waited and gave up: nobody answered any card\. Ignoring a customer costs more loyalty than a gentle no/,
    );
    expect(lesson).toContain('A team that did nothing at all scored 51, as you did.');
    expect(lesson).not.toContain('Declining');
  });

  it('counts the cards that ran out when most, not all, did', () => {
    const mix = { accommodate: 5, premium: 0, option: 0, no: 5, ignored: 30 };
    const lesson = lessonFor(facts({ mix }));
    expect(lesson).toMatch(/^30 of 40 customers waited and gave up: nobody answered\./);
    expect(lesson).toContain('A team that did nothing at all scored 51; you scored 70.');
  });

  it('picks the spiral for an exhausted team that said yes to almost everything, and says who resigned', () => {
    const mix = { accommodate: 30, premium: 5, option: 0, no: 2, ignored: 3 };
    const lesson = lessonFor(facts({ you: { ...calm, exhaustion: 60, staffLost: 2 }, mix }));
    expect(lesson).toMatch(/^Saying yes to almost everything wore your staff out \(average exhaustion 60, 2 resigned\)/);
    expect(lesson).toContain('the spiral');
  });

  it('does not blame saying yes when the staff wore out without it (options built, promises owed)', () => {
    const worn = facts({
      you: { ...calm, exhaustion: 20, staffLost: 1 },
      mix: { accommodate: 5, premium: 3, option: 12, no: 5, ignored: 0 },
    });
    const lesson = lessonFor(worn);
    expect(lessonKind(worn)).toBe('spiral');
    expect(lesson).toMatch(/^Your staff wore out \(average exhaustion 20, 1 resigned\)/);
  });

  it('picks broken promises when several broke and the staff held up', () => {
    expect(lessonFor(facts({ brokenPromises: 4 }))).toMatch(/^You promised more than your staff could do in time: 4 promises broke/);
  });

  it('picks the declining lesson for a mostly-no mix (gentle noes, not ignored cards)', () => {
    const mix = { accommodate: 5, premium: 5, option: 0, no: 10, ignored: 2 };
    expect(lessonFor(facts({ mix }))).toMatch(/^Declining most requests/);
  });

  it('picks the options lesson when no option was built, quoting the strategist', () => {
    const lesson = lessonFor(facts({ optionsBuilt: 0 }));
    expect(lesson).toMatch(/^You handled each request one by one/);
    expect(lesson).toContain('the strategist reached 70 points');
  });

  it('says you matched the strategist, or how far behind you ended', () => {
    expect(lessonFor(facts({}))).toMatch(/^You matched or beat the strategist/);
    expect(lessonFor(facts({ you: { ...calm, balancedScore: 60 } }))).toContain('ending 10 points behind the strategist');
  });
});

describe('rankMoments', () => {
  it('tells the heaviest moments first and never a weightless one', () => {
    const ranked = rankMoments([
      { when: 'a', text: 'option use', weight: whimWeight(0.3) },
      { when: 'b', text: 'event', weight: 20 },
      { when: 'c', text: 'resignation', weight: 100 },
      { when: 'd', text: 'heavy whim', weight: whimWeight(4) },
      { when: 'e', text: 'storm', weight: 80 },
    ]);
    expect(ranked.map((moment) => moment.text)).toEqual(['resignation', 'storm', 'heavy whim']);
  });

  it('weighs work on a whim only from a couple of hours on', () => {
    expect(whimWeight(0.3)).toBe(0);
    expect(whimWeight(MIN_TELLING_HOURS - 0.01)).toBe(0);
    expect(whimWeight(MIN_TELLING_HOURS)).toBeGreaterThan(0);
    expect(rankMoments([{ when: 'a', text: 'option use', weight: whimWeight(0.3) }])).toEqual([]);
  });
});
